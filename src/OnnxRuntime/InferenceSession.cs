using System.Runtime.InteropServices;
using SpeechQa.OnnxRuntime.Internal;

namespace SpeechQa.OnnxRuntime;

/// <summary>
/// A loaded model. Inputs and outputs are read from the model (names, types, shapes); <see cref="Run"/> is
/// thread-safe and can be cancelled mid-run (the token sets ONNX Runtime's terminate flag). Input and output
/// names are converted to UTF-8 once, here, not on every run.
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly OrtRuntime _runtime;
    private readonly OrtSessionHandle _session;
    private readonly Dictionary<string, IntPtr> _utf8Names = new(StringComparer.Ordinal);

    internal InferenceSession(OrtRuntime runtime, OrtSessionHandle session)
    {
        _runtime = runtime;
        _session = session;
        Inputs = ReadInfo(isInput: true);
        Outputs = ReadInfo(isInput: false);
        foreach (var info in Inputs.Concat(Outputs))
            _utf8Names.TryAdd(info.Name, Marshal.StringToCoTaskMemUTF8(info.Name));
    }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    private OrtApi Api => _runtime.Api;

    /// <summary>Runs the model; returns the requested outputs (all when <paramref name="outputNames"/> is null) as managed copies.</summary>
    public IReadOnlyDictionary<string, OrtTensor> Run(IReadOnlyDictionary<string, OrtTensor> inputs, IReadOnlyList<string>? outputNames, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var wanted = outputNames ?? Outputs.Select(o => o.Name).ToList();
        var pins = new List<GCHandle>(inputs.Count);
        var values = new List<OrtValueHandle>(inputs.Count);
        var outputs = new IntPtr[wanted.Count];
        using var runOptions = new OrtRunOptionsHandle(Api);
        try
        {
            var inputNames = new IntPtr[inputs.Count];
            var inputValues = new IntPtr[inputs.Count];
            var i = 0;
            foreach (var (name, tensor) in inputs)
            {
                inputNames[i] = NameOf(name);
                var value = CreateValue(tensor, pins);
                values.Add(value);
                inputValues[i++] = value.DangerousGetHandle();
            }
            var outputNamesUtf8 = wanted.Select(NameOf).ToArray();

            IntPtr created;
            Api.Check(Api.CreateRunOptions(&created));
            runOptions.Adopt(created);
            var options = created;
            // Cancellation reaches the native run: ONNX Runtime stops at the next node and returns an error.
            using (cancellationToken.Register(() => Api.Check(Api.RunOptionsSetTerminate(options))))
            {
                fixed (IntPtr* inNames = inputNames, inValues = inputValues, outNames = outputNamesUtf8, outValues = outputs)
                {
                    var status = Api.Run(_session.DangerousGetHandle(), options, inNames, inValues, (nuint)inputNames.Length,
                        outNames, (nuint)outputNamesUtf8.Length, outValues);
                    if (status != IntPtr.Zero && cancellationToken.IsCancellationRequested)
                    {
                        Api.ReleaseStatus(status);
                        throw new OperationCanceledException("The ONNX Runtime run was cancelled", cancellationToken);
                    }
                    Api.Check(status);
                }
            }

            var results = new Dictionary<string, OrtTensor>(StringComparer.Ordinal);
            for (var o = 0; o < outputs.Length; o++)
                results[wanted[o]] = CopyOut(outputs[o]);
            return results;
        }
        finally
        {
            foreach (var output in outputs.Where(p => p != IntPtr.Zero))
                Api.ReleaseValue(output);
            foreach (var value in values)
                value.Dispose(); // release the OrtValue before unpinning the memory it points at
            foreach (var pin in pins)
                pin.Free();
        }
    }

    private IntPtr NameOf(string name) =>
        _utf8Names.TryGetValue(name, out var utf8) ? utf8 : throw new ArgumentException($"The model has no input or output named '{name}'.", nameof(name));

    /// <summary>Wraps pinned managed memory as an OrtValue (no copy). The caller keeps the pin until the value is released.</summary>
    private OrtValueHandle CreateValue(OrtTensor tensor, List<GCHandle> pins)
    {
        var expected = tensor.Shape.Aggregate(1L, (a, b) => a * b);
        if (expected != tensor.Data.Length)
            throw new ArgumentException($"Tensor shape [{string.Join(',', tensor.Shape)}] needs {expected} elements, the data has {tensor.Data.Length}.", nameof(tensor));
        var pin = GCHandle.Alloc(tensor.Data, GCHandleType.Pinned);
        pins.Add(pin);
        var value = new OrtValueHandle(Api);
        var bytes = (nuint)(tensor.Data.Length * OrtTensor.ElementSize(tensor.ElementType));
        IntPtr native;
        fixed (long* shape = tensor.Shape)
        {
            Api.Check(Api.CreateTensorWithDataAsOrtValue(_runtime.CpuMemory.DangerousGetHandle(), (void*)pin.AddrOfPinnedObject(), bytes,
                shape, (nuint)tensor.Shape.Length, (int)tensor.ElementType, &native));
        }
        value.Adopt(native);
        return value;
    }

    private OrtTensor CopyOut(IntPtr value)
    {
        IntPtr info;
        Api.Check(Api.GetTensorTypeAndShape(value, &info));
        using var infoHandle = new OrtTensorInfoHandle(Api);
        infoHandle.Adopt(info);
        var (type, shape) = ReadTensorInfo(info);
        nuint count;
        Api.Check(Api.GetTensorShapeElementCount(info, &count));
        var data = OrtTensor.Allocate(type, checked((int)count));
        void* source;
        Api.Check(Api.GetTensorMutableData(value, &source));
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            var bytes = (long)count * OrtTensor.ElementSize(type);
            Buffer.MemoryCopy(source, (void*)pin.AddrOfPinnedObject(), bytes, bytes);
        }
        finally
        {
            pin.Free();
        }
        return new OrtTensor(type, shape, data);
    }

    private (TensorElementType Type, long[] Shape) ReadTensorInfo(IntPtr info)
    {
        int type;
        nuint rank;
        Api.Check(Api.GetTensorElementType(info, &type));
        Api.Check(Api.GetDimensionsCount(info, &rank));
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
            Api.Check(Api.GetDimensions(info, dims, rank));
        return ((TensorElementType)type, shape);
    }

    private List<TensorInfo> ReadInfo(bool isInput)
    {
        var session = _session.DangerousGetHandle();
        nuint count;
        Api.Check(isInput ? Api.SessionGetInputCount(session, &count) : Api.SessionGetOutputCount(session, &count));
        var result = new List<TensorInfo>((int)count);
        for (nuint i = 0; i < count; i++)
        {
            IntPtr namePointer, typeInfo, tensorInfo;
            Api.Check(isInput
                ? Api.SessionGetInputName(session, i, _runtime.DefaultAllocator, &namePointer)
                : Api.SessionGetOutputName(session, i, _runtime.DefaultAllocator, &namePointer));
            var name = Marshal.PtrToStringUTF8(namePointer)!;
            Api.Check(Api.AllocatorFree(_runtime.DefaultAllocator, (void*)namePointer));
            Api.Check(isInput ? Api.SessionGetInputTypeInfo(session, i, &typeInfo) : Api.SessionGetOutputTypeInfo(session, i, &typeInfo));
            using var typeHandle = new OrtTypeInfoHandle(Api);
            typeHandle.Adopt(typeInfo);
            Api.Check(Api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo)); // owned by typeInfo: not released separately
            var (type, shape) = tensorInfo == IntPtr.Zero ? (TensorElementType.Undefined, Array.Empty<long>()) : ReadTensorInfo(tensorInfo);
            result.Add(new TensorInfo(name, type, shape));
        }
        return result;
    }

    public void Dispose()
    {
        _session.Dispose();
        foreach (var name in _utf8Names.Values)
            Marshal.FreeCoTaskMem(name);
        _utf8Names.Clear();
    }
}
