using System.Buffers;
using System.Text;

namespace SpeechQa.Scoring.Classification.OnnxFormat;

/// <summary>
/// The protobuf wire format, just what ONNX files need: varints, length-delimited fields (strings, bytes, nested
/// messages, packed repeated numbers) and 32-bit floats. Nested messages are written into their own writer and
/// copied in, which keeps the code obvious; models written here are small enough for that to be cheap.
/// </summary>
public sealed class ProtobufWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public int Length => _buffer.WrittenCount;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Varint(int field, long value)
    {
        Tag(field, 0);
        WriteVarint((ulong)value);
    }

    public void Float(int field, float value)
    {
        Tag(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BitConverter.TryWriteBytes(bytes, value);
        if (!BitConverter.IsLittleEndian)
            bytes.Reverse();
        _buffer.Write(bytes);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    public void Message(int field, ProtobufWriter message) => Bytes(field, message._buffer.WrittenSpan);

    public void Message(int field, Action<ProtobufWriter> write)
    {
        var nested = new ProtobufWriter();
        write(nested);
        Message(field, nested);
    }

    /// <summary>A packed repeated int64 field (proto3 default for repeated scalars).</summary>
    public void PackedInt64(int field, IEnumerable<long> values)
    {
        var packed = new ProtobufWriter();
        foreach (var value in values)
            packed.WriteVarint((ulong)value);
        Message(field, packed);
    }

    /// <summary>A packed repeated float field.</summary>
    public void PackedFloat(int field, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), values[i]);
        Bytes(field, bytes);
    }

    private void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            Byte((byte)(value | 0x80));
            value >>= 7;
        }
        Byte((byte)value);
    }
}
