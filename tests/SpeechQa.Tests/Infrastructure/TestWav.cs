using System.Buffers.Binary;

namespace SpeechQa.Tests.Infrastructure;

/// <summary>Writes small PCM16 WAV files with speech-like noise bursts at known times (a recorder's stereo call).</summary>
public static class TestWav
{
    public static byte[] Stereo(int rate, double seconds, (double Start, double End)[] left, (double Start, double End)[] right)
    {
        var random = new Random(5);
        var frames = (int)(rate * seconds);
        var bytes = new byte[44 + frames * 4];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 2);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), rate * 4);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 4);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), frames * 4);
        for (var f = 0; f < frames; f++)
        {
            var t = (double)f / rate;
            short Sample((double Start, double End)[] bursts) =>
                (short)((random.NextDouble() * 2 - 1) * (bursts.Any(b => t >= b.Start && t < b.End) ? 8000 : 30));
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + f * 4), Sample(left));
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(46 + f * 4), Sample(right));
        }
        return bytes;
    }
}
