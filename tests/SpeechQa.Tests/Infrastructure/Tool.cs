using System.Diagnostics;

namespace SpeechQa.Tests.Infrastructure;

/// <summary>Runs an installed reference tool (sox, ffmpeg); a missing tool fails the test with the package to install.</summary>
public static class Tool
{
    public static byte[] Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: run scripts/setup.sh tests", e);
        }
        using (process)
        {
            using var output = new MemoryStream();
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {errors.Result}");
            return output.ToArray();
        }
    }
}
