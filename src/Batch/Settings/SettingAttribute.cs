namespace SpeechQa.Batch.Settings;

/// <summary>What a setting means, in zh-CN and English, for `speechqa serve --help` and the docs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
