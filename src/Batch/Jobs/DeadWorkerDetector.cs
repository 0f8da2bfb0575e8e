using System.Diagnostics;
using System.Globalization;

namespace SpeechQa.Batch.Jobs;

/// <summary>
/// Lease owners are "machine/pid/random#fetch". A job leased by a process on this machine that no longer
/// exists (killed, crashed) can be taken over at once instead of after the lease timeout. A reused pid
/// only makes us wait for the lease as usual, so the check errs on the safe side.
/// </summary>
public static class DeadWorkerDetector
{
    public static string DefaultServerId() =>
        $"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid().ToString("N")[..8]}";

    public static bool IsDeadLocalOwner(string leaseOwner)
    {
        var parts = leaseOwner.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }
}
