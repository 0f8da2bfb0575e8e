using System.Runtime.InteropServices;

namespace SpeechQa.OnnxRuntime.Internal;

// One SafeHandle per kind of native object; ReleaseHandle calls the matching ReleaseXxx exactly once.
// They live together because each is the same four lines with a different release function.

internal abstract unsafe class OrtHandle(OrtApi api) : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    protected OrtApi Api { get; } = api;

    public override bool IsInvalid => handle == IntPtr.Zero;

    public void Adopt(IntPtr native) => SetHandle(native);
}

internal sealed unsafe class OrtEnvHandle(OrtApi api) : OrtHandle(api)
{
    protected override bool ReleaseHandle() { Api.ReleaseEnv(handle); return true; }
}

internal sealed unsafe class OrtSessionHandle(OrtApi api) : OrtHandle(api)
{
    protected override bool ReleaseHandle() { Api.ReleaseSession(handle); return true; }
}

internal sealed unsafe class OrtSessionOptionsHandle(OrtApi api) : OrtHandle(api)
{
    protected override bool ReleaseHandle() { Api.ReleaseSessionOptions(handle); return true; }
}

internal sealed unsafe class OrtRunOptionsHandle(OrtApi api) : OrtHandle(api)
{
    protected override bool ReleaseHandle() { Api.ReleaseRunOptions(handle); return true; }
}

internal sealed unsafe class OrtValueHandle(OrtApi api) : OrtHandle(api)
{
    protected override bool ReleaseHandle() { Api.ReleaseValue(handle); return true; }
}

internal sealed unsafe class OrtMemoryInfoHandle(OrtApi api) : OrtHandle(api)
{
    protected override bool ReleaseHandle() { Api.ReleaseMemoryInfo(handle); return true; }
}

internal sealed unsafe class OrtTypeInfoHandle(OrtApi api) : OrtHandle(api)
{
    protected override bool ReleaseHandle() { Api.ReleaseTypeInfo(handle); return true; }
}

internal sealed unsafe class OrtTensorInfoHandle(OrtApi api) : OrtHandle(api)
{
    protected override bool ReleaseHandle() { Api.ReleaseTensorTypeAndShapeInfo(handle); return true; }
}
