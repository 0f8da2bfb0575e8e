namespace SpeechQa.Scoring.Classification.OnnxFormat;

/// <summary>A node attribute (onnx.proto AttributeProto): one of int, float, string, ints, floats, strings.</summary>
public abstract record OnnxAttribute(string Name)
{
    public static OnnxAttribute Of(string name, long value) => new IntAttribute(name, value);
    public static OnnxAttribute Of(string name, float value) => new FloatAttribute(name, value);
    public static OnnxAttribute Of(string name, string value) => new StringAttribute(name, value);
    public static OnnxAttribute Of(string name, IReadOnlyList<long> values) => new IntsAttribute(name, values);
    public static OnnxAttribute Of(string name, IReadOnlyList<float> values) => new FloatsAttribute(name, values);

    internal abstract void WriteValue(ProtobufWriter w);

    private sealed record IntAttribute(string Name, long Value) : OnnxAttribute(Name)
    {
        internal override void WriteValue(ProtobufWriter w) { w.Varint(3, Value); w.Varint(20, 2); }
    }

    private sealed record FloatAttribute(string Name, float Value) : OnnxAttribute(Name)
    {
        internal override void WriteValue(ProtobufWriter w) { w.Float(2, Value); w.Varint(20, 1); }
    }

    private sealed record StringAttribute(string Name, string Value) : OnnxAttribute(Name)
    {
        internal override void WriteValue(ProtobufWriter w) { w.String(4, Value); w.Varint(20, 3); }
    }

    private sealed record IntsAttribute(string Name, IReadOnlyList<long> Values) : OnnxAttribute(Name)
    {
        internal override void WriteValue(ProtobufWriter w) { w.PackedInt64(8, Values); w.Varint(20, 7); }
    }

    private sealed record FloatsAttribute(string Name, IReadOnlyList<float> Values) : OnnxAttribute(Name)
    {
        internal override void WriteValue(ProtobufWriter w) { w.PackedFloat(7, [.. Values]); w.Varint(20, 6); }
    }
}
