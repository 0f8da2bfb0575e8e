namespace SpeechQa.Transcriber.Audio;

/// <summary>ITU-T G.711 expansion of A-law and µ-law bytes to 16-bit linear PCM (tables built once).</summary>
public static class G711
{
    private static readonly short[] ALawTable = BuildTable(ALawToLinear);
    private static readonly short[] MuLawTable = BuildTable(MuLawToLinear);

    public static short DecodeALaw(byte value) => ALawTable[value];

    public static short DecodeMuLaw(byte value) => MuLawTable[value];

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
            table[i] = decode((byte)i);
        return table;
    }

    private static short ALawToLinear(byte encoded)
    {
        var a = encoded ^ 0x55; // even bits are inverted on the wire
        var magnitude = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        magnitude = segment switch
        {
            0 => magnitude + 8,
            1 => magnitude + 0x108,
            _ => (magnitude + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static short MuLawToLinear(byte encoded)
    {
        var u = ~encoded & 0xFF;
        var magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (short)((u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
    }
}
