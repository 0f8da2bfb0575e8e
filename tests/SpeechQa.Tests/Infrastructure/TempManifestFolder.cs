using System.Text;

namespace SpeechQa.Tests.Infrastructure;

/// <summary>A temporary recorder export folder: manifests, transcripts and audio files written by the test.</summary>
public sealed class TempManifestFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("speechqa-manifest-").FullName;

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A transcript in formats.md §2 with one agent and one customer line.</summary>
    public string WriteTranscript(string callId, string agentLine = "您好，供水服务热线，请问有什么可以帮您？", string customerLine = "我家从早上开始就没水了。") =>
        Write($"transcripts/{callId}.json",
            $$"""
            {"call_id":"{{callId}}","language":"zh","source":"imported","segments":[
              {"speaker":"agent","start":0.0,"end":3.2,"text":"{{agentLine}}"},
              {"speaker":"customer","start":3.6,"end":7.1,"text":"{{customerLine}}","avg_logprob":-0.21,"words":[{"text":"我家","start":3.6,"end":3.9,"prob":0.98}]}]}
            """);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
