using System.Diagnostics;

namespace SpeechQa.Transcriber.Audio;

/// <summary>
/// Decodes a recording: WAV (PCM, float, G.711) is read directly; anything else (MP3, AMR, GSM, Opus…)
/// goes through ffmpeg, which hands back WAV on a pipe. The content decides, not the file name, so an MP3
/// saved as ".wav" still decodes; a file neither can read fails with the decoder's own reason.
/// </summary>
public sealed class AudioDecoder(string ffmpegPath = AudioDecoder.DefaultFfmpeg)
{
    public const string DefaultFfmpeg = "ffmpeg";

    /// <summary>Recordings above this are refused rather than risk exhausting memory (≈ 5 h of 8 kHz stereo).</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public async Task<DecodedAudio> DecodeAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new AudioDecodeException($"{name}: the file does not exist");
        if (info.Length == 0)
            throw new AudioDecodeException($"{name}: the file is empty");
        if (info.Length > MaxFileBytes)
            throw new AudioDecodeException($"{name}: {info.Length / 1048576} MB is larger than the {MaxFileBytes / 1048576} MB limit");
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return WavReader.LooksLikeWav(bytes)
            ? WavReader.Read(bytes, name)
            : await DecodeWithFfmpegAsync(path, name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DecodedAudio> DecodeWithFfmpegAsync(string path, string name, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Native rate and channels, 16-bit PCM in a WAV container on stdout; errors only on stderr.
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-i", path, "-map", "0:a:0", "-c:a", "pcm_s16le", "-f", "wav", "-" })
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AudioDecodeException($"{name}: could not start {ffmpegPath}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AudioDecodeException($"{name}: is not WAV and ffmpeg ('{ffmpegPath}') is not installed to decode it: {e.Message}", e);
        }
        using (process)
        using (cancellationToken.Register(() => { try { process.Kill(); } catch (InvalidOperationException) { } }))
        {
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await Task.WhenAll(copy, errors).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0 || output.Length == 0)
            {
                var reason = (await errors.ConfigureAwait(false)).Trim().Split('\n').LastOrDefault(l => l.Length > 0)?.Trim() ?? $"exit code {process.ExitCode}";
                throw new AudioDecodeException($"{name}: not a WAV file, and ffmpeg cannot decode it either: {reason}");
            }
            return WavReader.Read(output.ToArray(), name);
        }
    }
}
