using System.Diagnostics;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// Time, file size and memory of writing one document to a file. The process's peak resident memory (VmHWM) is reset
/// before the write by writing "5" to /proc/self/clear_refs (proc(5), Linux ≥ 4.0), so the peak read afterwards is the
/// writer's own and not the evaluation's that came before. The managed heap is sampled every 50 ms during the write.
/// </summary>
internal static class WriteMemory
{
    public static async Task<WriteFigures> MeasureAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var baseline = ProcStatus.KiB(Environment.ProcessId, "VmRSS");
        var reset = ResetPeak();
        long heapPeak = heapBefore;
        using (new Timer(_ => InterlockedMax(ref heapPeak, GC.GetTotalMemory(forceFullCollection: false)), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50)))
        {
            var watch = Stopwatch.StartNew();
            await using (var file = File.Create(path))
            {
                await write(file, ct);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            var peak = reset ? ProcStatus.KiB(Environment.ProcessId, "VmHWM") : Process.GetCurrentProcess().PeakWorkingSet64 / 1024;
            var heapAfter = GC.GetTotalMemory(forceFullCollection: false);
            return new WriteFigures(seconds, new FileInfo(path).Length, baseline / 1024.0, peak / 1024.0, heapBefore / 1048576.0,
                heapAfter / 1048576.0, Interlocked.Read(ref heapPeak) / 1048576.0, reset);
        }
    }

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the reset the peak is the whole process's (evaluation included): reported as such, not hidden.
            return false;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }
}

/// <summary>
/// One write: seconds, bytes, resident MiB before (baseline) and at the peak while writing, managed heap MiB before,
/// after and at the sampled peak; <see cref="PeakIsWriters"/> is false when the peak could not be reset (then it is the
/// process's lifetime peak).
/// </summary>
internal sealed record WriteFigures(
    double Seconds, long Bytes, double BaselineMiB, double PeakMiB, double HeapBeforeMiB, double HeapAfterMiB, double HeapPeakMiB, bool PeakIsWriters)
{
    public double PeakIncreaseMiB => PeakMiB - BaselineMiB;
}
