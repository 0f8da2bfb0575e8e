using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace SpeechQa.Batch.Settings;

/// <summary>Every setting of the given options classes: its environment variable, default and meaning.</summary>
public static class SettingsCatalog
{
    public sealed record Setting(string Variable, string? Default, string Description);

    public static IReadOnlyList<Setting> Of(params Type[] optionsTypes)
    {
        ArgumentNullException.ThrowIfNull(optionsTypes);
        var settings = new List<Setting>();
        foreach (var type in optionsTypes)
        {
            var defaults = Activator.CreateInstance(type);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<ConfigurationKeyNameAttribute>() is not { } key || property.GetCustomAttribute<SettingAttribute>() is not { } meaning)
                    continue;
                var value = property.GetValue(defaults);
                settings.Add(new Setting(SpeechQaConfiguration.Prefix + key.Name, value is null or "" ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    meaning.Description));
            }
        }
        return settings;
    }
}
