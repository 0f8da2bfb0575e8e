namespace SpeechQa.Batch.Store;

/// <summary>Named parameters for one SQL command (<c>@name</c> works on both engines).</summary>
public sealed class SqlParameterList : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}
