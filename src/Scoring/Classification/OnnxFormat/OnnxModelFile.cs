namespace SpeechQa.Scoring.Classification.OnnxFormat;

/// <summary>
/// What can be read from an ONNX file without running it: the producer and the metadata properties
/// (ModelProto fields 2 and 14). A file that is not a protobuf message fails with <see cref="InvalidDataException"/>.
/// </summary>
public sealed record OnnxModelFile(string ProducerName, IReadOnlyDictionary<string, string> Metadata)
{
    public static OnnxModelFile Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        var producer = "";
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var sawGraph = false;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field, wire)
            {
                case (2, 2): producer = reader.ReadString(); break;
                case (7, 2): reader.ReadBytes(); sawGraph = true; break;
                case (14, 2):
                    var entry = new ProtobufReader(reader.ReadBytes());
                    string key = "", value = "";
                    while (!entry.AtEnd)
                    {
                        var (f, w) = entry.ReadTag();
                        if (f == 1 && w == 2) key = entry.ReadString();
                        else if (f == 2 && w == 2) value = entry.ReadString();
                        else entry.Skip(w);
                    }
                    metadata[key] = value;
                    break;
                default: reader.Skip(wire); break;
            }
        }
        if (!sawGraph)
            throw new InvalidDataException("not an ONNX model: the file has no graph");
        return new OnnxModelFile(producer, metadata);
    }
}
