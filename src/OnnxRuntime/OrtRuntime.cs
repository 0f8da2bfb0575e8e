using System.Runtime.InteropServices;
using System.Text;
using SpeechQa.OnnxRuntime.Internal;

namespace SpeechQa.OnnxRuntime;

/// <summary>
/// The loaded native library and its one environment: the single process-wide ONNX Runtime object,
/// created once and shared (register it as a singleton). Sessions made from it stay valid until it is disposed.
/// </summary>
public sealed unsafe class OrtRuntime : IDisposable
{
    private readonly IntPtr _library;
    private readonly OrtEnvHandle _environment;

    private OrtRuntime(IntPtr library, OrtApi api)
    {
        _library = library;
        Api = api;
        _environment = new OrtEnvHandle(api);
        IntPtr environment;
        var logId = "speechqa\0"u8;
        fixed (byte* id = logId)
            api.Check(api.CreateEnv(2 /* ORT_LOGGING_LEVEL_WARNING */, id, &environment));
        _environment.Adopt(environment);
        IntPtr memoryInfo, allocator;
        api.Check(api.CreateCpuMemoryInfo(0 /* OrtDeviceAllocator */, 0 /* OrtMemTypeDefault */, &memoryInfo));
        CpuMemory = new OrtMemoryInfoHandle(api);
        CpuMemory.Adopt(memoryInfo);
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator));
        DefaultAllocator = allocator; // owned by ONNX Runtime: never freed
    }

    internal OrtApi Api { get; }

    internal OrtEnvHandle Environment => _environment;

    internal OrtMemoryInfoHandle CpuMemory { get; }

    internal IntPtr DefaultAllocator { get; }

    /// <summary>The library's own version string (e.g. "1.23.0").</summary>
    public string Version => Api.Version;

    /// <summary>Loads libonnxruntime (from <paramref name="libraryPath"/> or <see cref="OrtLibraryLocator"/>) and creates the environment.</summary>
    public static OrtRuntime Load(string? libraryPath = null)
    {
        var path = libraryPath ?? OrtLibraryLocator.Locate();
        IntPtr library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"cannot load {path}: {e.Message}");
        }
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
            throw new OnnxRuntimeException(OrtErrorCode.NotFound, $"{path} does not export OrtGetApiBase: not an ONNX Runtime library");
        var apiBase = (IntPtr*)((delegate* unmanaged[Cdecl]<IntPtr>)getApiBase)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, IntPtr>)apiBase[0];
        var getVersion = (delegate* unmanaged[Cdecl]<IntPtr>)apiBase[1];
        var version = Marshal.PtrToStringUTF8(getVersion()) ?? "?";
        var table = getApi(OrtApi.ApiVersion);
        if (table == IntPtr.Zero)
            throw new OnnxRuntimeException(OrtErrorCode.NotImplemented, $"{path} is ONNX Runtime {version}, which does not offer API version {OrtApi.ApiVersion} (1.23 or later is needed)");
        return new OrtRuntime(library, new OrtApi(table, version));
    }

    /// <summary>Opens a model file.</summary>
    public InferenceSession OpenSession(string modelPath, SessionSettings? settings = null)
    {
        if (!File.Exists(modelPath))
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"model file {modelPath} does not exist");
        using var options = CreateOptions(settings ?? new SessionSettings());
        var session = new OrtSessionHandle(Api);
        var path = Encoding.UTF8.GetBytes(modelPath + "\0"); // ORTCHAR_T is char (UTF-8) on Linux
        IntPtr native;
        fixed (byte* p = path)
            Api.Check(Api.CreateSession(_environment.DangerousGetHandle(), p, options.DangerousGetHandle(), &native));
        session.Adopt(native);
        return new InferenceSession(this, session);
    }

    private OrtSessionOptionsHandle CreateOptions(SessionSettings settings)
    {
        var options = new OrtSessionOptionsHandle(Api);
        IntPtr native;
        Api.Check(Api.CreateSessionOptions(&native));
        options.Adopt(native);
        Api.Check(Api.SetSessionGraphOptimizationLevel(native, settings.OptimizationLevel));
        Api.Check(Api.SetIntraOpNumThreads(native, settings.IntraOpThreads));
        Api.Check(Api.SetInterOpNumThreads(native, settings.InterOpThreads));
        return options;
    }

    public void Dispose()
    {
        CpuMemory.Dispose();
        _environment.Dispose();
        // The library stays loaded: ORT keeps global state (thread pools, the logger) that must not be unmapped under it.
        GC.KeepAlive(_library);
    }
}
