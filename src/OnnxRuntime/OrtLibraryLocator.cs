namespace SpeechQa.OnnxRuntime;

/// <summary>
/// Finds libonnxruntime.so: $SPEECHQA_ORT_LIB if set, else the copy that scripts/setup.sh installs from the
/// npm package onnxruntime-node into .tools/ort of the checkout (searched upwards from the program and the
/// working folder).
/// </summary>
public static class OrtLibraryLocator
{
    public const string Variable = "SPEECHQA_ORT_LIB";
    public const string ToolPath = ".tools/ort/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1";

    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"{Variable}={configured} does not exist");
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, ToolPath);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile,
            $"libonnxruntime.so not found: run scripts/setup.sh (installs it into {ToolPath}) or set {Variable}");
    }
}
