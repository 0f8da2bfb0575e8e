namespace SpeechQa.OnnxRuntime;

/// <summary>
/// A tensor in managed memory: element type, shape and a flat, row-major array (float[], Half[], long[],
/// int[], bool[], byte[], sbyte[], double[]). Inputs are pinned only for the duration of a run.
/// </summary>
public sealed record OrtTensor(TensorElementType ElementType, long[] Shape, Array Data)
{
    public static OrtTensor Float(float[] data, params long[] shape) => new(TensorElementType.Float, shape, data);
    public static OrtTensor Float16(Half[] data, params long[] shape) => new(TensorElementType.Float16, shape, data);
    public static OrtTensor Int64(long[] data, params long[] shape) => new(TensorElementType.Int64, shape, data);
    public static OrtTensor Int32(int[] data, params long[] shape) => new(TensorElementType.Int32, shape, data);
    public static OrtTensor Bool(bool[] data, params long[] shape) => new(TensorElementType.Bool, shape, data);

    public T[] As<T>() => Data as T[] ?? throw new InvalidCastException($"Tensor holds {Data.GetType().Name}, not {typeof(T).Name}[]");

    internal static int ElementSize(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Int32 => 4,
        TensorElementType.Int64 or TensorElementType.Double => 8,
        TensorElementType.Float16 => 2,
        TensorElementType.Bool or TensorElementType.UInt8 or TensorElementType.Int8 => 1,
        _ => throw new NotSupportedException($"Tensor element type {type} is not supported by this binding"),
    };

    internal static Array Allocate(TensorElementType type, int length) => type switch
    {
        TensorElementType.Float => new float[length],
        TensorElementType.Int32 => new int[length],
        TensorElementType.Int64 => new long[length],
        TensorElementType.Double => new double[length],
        TensorElementType.Float16 => new Half[length],
        TensorElementType.Bool => new bool[length],
        TensorElementType.UInt8 => new byte[length],
        TensorElementType.Int8 => new sbyte[length],
        _ => throw new NotSupportedException($"Tensor element type {type} is not supported by this binding"),
    };
}
