namespace SpeechQa.Scoring.Classification.OnnxFormat;

/// <summary>
/// Builds a standard ONNX model file (onnx.proto ModelProto, hand-encoded protobuf): inputs, outputs,
/// initializers, nodes, opset imports and metadata. Dimensions are numbers, or names for symbolic ones
/// ("batch"). The result is what python3-onnx's checker and ONNX Runtime load.
/// </summary>
public sealed class OnnxModelBuilder(string graphName)
{
    private const long IrVersion = 8; // the IR version of opset 17

    private readonly ProtobufWriter _graph = new();
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _opsets = new(StringComparer.Ordinal) { [""] = 17 };
    private int _nodes;

    public string ProducerName { get; init; } = "SpeechQa";

    public string ProducerVersion { get; init; } = "1";

    public string DocString { get; init; } = "";

    public OnnxModelBuilder Opset(string domain, long version)
    {
        _opsets[domain] = version;
        return this;
    }

    public OnnxModelBuilder Input(string name, TensorElementType type, params object[] dims)
    {
        _graph.Message(11, v => ValueInfo(v, name, type, dims));
        return this;
    }

    public OnnxModelBuilder Output(string name, TensorElementType type, params object[] dims)
    {
        _graph.Message(12, v => ValueInfo(v, name, type, dims));
        return this;
    }

    public OnnxModelBuilder Initializer(string name, float[] data, params long[] dims) => Tensor(name, TensorElementType.Float, dims, raw =>
    {
        for (var i = 0; i < data.Length; i++)
            BitConverter.TryWriteBytes(raw.AsSpan(i * 4), data[i]);
    }, data.Length * 4, data.Length);

    public OnnxModelBuilder Initializer(string name, long[] data, params long[] dims) => Tensor(name, TensorElementType.Int64, dims, raw =>
    {
        for (var i = 0; i < data.Length; i++)
            BitConverter.TryWriteBytes(raw.AsSpan(i * 8), data[i]);
    }, data.Length * 8, data.Length);

    public OnnxModelBuilder Node(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes) =>
        Node(opType, "", inputs, outputs, attributes);

    public OnnxModelBuilder Node(string opType, string domain, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        _graph.Message(1, n =>
        {
            foreach (var input in inputs)
                n.String(1, input);
            foreach (var output in outputs)
                n.String(2, output);
            n.String(3, $"{opType}_{_nodes++}");
            n.String(4, opType);
            foreach (var attribute in attributes)
                n.Message(5, a => { a.String(1, attribute.Name); attribute.WriteValue(a); });
            if (domain.Length > 0)
                n.String(7, domain);
        });
        return this;
    }

    public OnnxModelBuilder Metadata(string key, string value)
    {
        _metadata[key] = value;
        return this;
    }

    public byte[] Build()
    {
        var model = new ProtobufWriter();
        model.Varint(1, IrVersion);
        model.String(2, ProducerName);
        model.String(3, ProducerVersion);
        if (DocString.Length > 0)
            model.String(6, DocString);
        return Assemble(model);
    }

    private byte[] Assemble(ProtobufWriter model)
    {
        // GraphProto: the name (field 2) followed by the nodes, initializers, inputs and outputs gathered so far.
        var graph = new ProtobufWriter();
        graph.String(2, graphName);
        var body = _graph.ToArray();
        var combined = new byte[graph.Length + body.Length];
        graph.ToArray().CopyTo(combined, 0);
        body.CopyTo(combined, graph.Length);
        model.Bytes(7, combined);
        foreach (var (domain, version) in _opsets)
            model.Message(8, o => { if (domain.Length > 0) o.String(1, domain); o.Varint(2, version); });
        foreach (var (key, value) in _metadata)
            model.Message(14, m => { m.String(1, key); m.String(2, value); });
        return model.ToArray();
    }

    private OnnxModelBuilder Tensor(string name, TensorElementType type, long[] dims, Action<byte[]> fill, int bytes, int count)
    {
        if (dims.Aggregate(1L, (a, b) => a * b) != count)
            throw new ArgumentException($"initializer {name}: shape [{string.Join(',', dims)}] does not hold {count} values", nameof(dims));
        var raw = new byte[bytes];
        fill(raw);
        _graph.Message(5, t =>
        {
            t.PackedInt64(1, dims);
            t.Varint(2, (long)type);
            t.String(8, name);
            t.Bytes(9, raw);
        });
        return this;
    }

    private static void ValueInfo(ProtobufWriter v, string name, TensorElementType type, object[] dims)
    {
        v.String(1, name);
        v.Message(2, typeProto => typeProto.Message(1, tensor =>
        {
            tensor.Varint(1, (long)type);
            tensor.Message(2, shape =>
            {
                foreach (var dim in dims)
                {
                    shape.Message(1, d =>
                    {
                        if (dim is string symbol)
                            d.String(2, symbol);
                        else
                            d.Varint(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                    });
                }
            });
        }));
    }
}
