using System.Runtime.InteropServices;

namespace SpeechQa.OnnxRuntime.Internal;

/// <summary>
/// The part of the C API's OrtApi table (version 23) this binding uses, read by index from the table that
/// OrtGetApiBase()->GetApi(23) returns. Indices: ../shared/research/ort-1.23-ortapi-index.txt; the table is
/// append-only, so they hold for every later version too. Every function returns OrtStatus* (null = success)
/// unless its pointer type says otherwise.
/// </summary>
internal sealed unsafe class OrtApi
{
    public const uint ApiVersion = 23;

    public readonly delegate* unmanaged[Cdecl]<IntPtr /*OrtStatus*/, int> GetErrorCode;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*OrtStatus*/, IntPtr /*const char*/> GetErrorMessage;
    public readonly delegate* unmanaged[Cdecl]<int /*OrtLoggingLevel*/, byte* /*logid*/, IntPtr* /*OrtEnv***/, IntPtr> CreateEnv;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*env*/, byte* /*path*/, IntPtr /*options*/, IntPtr* /*OrtSession***/, IntPtr> CreateSession;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*session*/, IntPtr /*runOptions*/, IntPtr* /*in names*/, IntPtr* /*inputs*/, nuint,
        IntPtr* /*out names*/, nuint, IntPtr* /*outputs*/, IntPtr> Run;
    public readonly delegate* unmanaged[Cdecl]<IntPtr* /*OrtSessionOptions***/, IntPtr> CreateSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*options*/, int /*GraphOptimizationLevel*/, IntPtr> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*options*/, int, IntPtr> SetIntraOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*options*/, int, IntPtr> SetInterOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*session*/, nuint* /*size_t*/, IntPtr> SessionGetInputCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*session*/, nuint* /*size_t*/, IntPtr> SessionGetOutputCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*session*/, nuint, IntPtr* /*OrtTypeInfo***/, IntPtr> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*session*/, nuint, IntPtr* /*OrtTypeInfo***/, IntPtr> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*session*/, nuint, IntPtr /*allocator*/, IntPtr* /*char***/, IntPtr> SessionGetInputName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*session*/, nuint, IntPtr /*allocator*/, IntPtr* /*char***/, IntPtr> SessionGetOutputName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr* /*OrtRunOptions***/, IntPtr> CreateRunOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*runOptions*/, IntPtr> RunOptionsSetTerminate;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*memoryInfo*/, void* /*data*/, nuint /*bytes*/, long* /*shape*/, nuint, int /*element type*/,
        IntPtr* /*OrtValue***/, IntPtr> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*value*/, void** /*data*/, IntPtr> GetTensorMutableData;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*typeInfo*/, IntPtr* /*const OrtTensorTypeAndShapeInfo***/, IntPtr> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*info*/, int* /*element type*/, IntPtr> GetTensorElementType;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*info*/, nuint* /*size_t*/, IntPtr> GetDimensionsCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*info*/, long* /*int64_t**/, nuint, IntPtr> GetDimensions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*info*/, nuint* /*size_t*/, IntPtr> GetTensorShapeElementCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*value*/, IntPtr* /*OrtTensorTypeAndShapeInfo***/, IntPtr> GetTensorTypeAndShape;
    public readonly delegate* unmanaged[Cdecl]<int /*OrtAllocatorType*/, int /*OrtMemType*/, IntPtr* /*OrtMemoryInfo***/, IntPtr> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr /*allocator*/, void*, IntPtr> AllocatorFree;
    public readonly delegate* unmanaged[Cdecl]<IntPtr* /*OrtAllocator***/, IntPtr> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseEnv;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseStatus;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseSession;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseRunOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseSessionOptions;

    public OrtApi(IntPtr table, string version)
    {
        Version = version;
        var slots = (IntPtr*)table;
        GetErrorCode = (delegate* unmanaged[Cdecl]<IntPtr, int>)slots[1];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)slots[2];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, IntPtr*, IntPtr>)slots[3];
        CreateSession = (delegate* unmanaged[Cdecl]<IntPtr, byte*, IntPtr, IntPtr*, IntPtr>)slots[7];
        Run = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr>)slots[9];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)slots[10];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)slots[23];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)slots[24];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)slots[25];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)slots[30];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)slots[31];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr>)slots[33];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr>)slots[34];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, IntPtr*, IntPtr>)slots[36];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, IntPtr*, IntPtr>)slots[37];
        CreateRunOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)slots[39];
        RunOptionsSetTerminate = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)slots[46];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr>)slots[49];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr>)slots[51];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)slots[55];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)slots[60];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)slots[61];
        GetDimensions = (delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, IntPtr>)slots[62];
        GetTensorShapeElementCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)slots[64];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)slots[65];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, IntPtr*, IntPtr>)slots[69];
        AllocatorFree = (delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr>)slots[76];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)slots[78];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[92];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[93];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[94];
        ReleaseSession = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[95];
        ReleaseValue = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[96];
        ReleaseRunOptions = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[97];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[98];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[99];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<IntPtr, void>)slots[100];
    }

    /// <summary>GetVersionString() of the loaded library.</summary>
    public string Version { get; }

    /// <summary>The one gate for errors: a non-null status becomes an exception carrying ORT's code and message, and is released.</summary>
    public void Check(IntPtr status)
    {
        if (status == IntPtr.Zero)
            return;
        try
        {
            var code = (OrtErrorCode)GetErrorCode(status);
            var message = Marshal.PtrToStringUTF8(GetErrorMessage(status)) ?? "(no message)";
            throw new OnnxRuntimeException(code, message);
        }
        finally
        {
            ReleaseStatus(status);
        }
    }
}
