using System.Diagnostics;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// Peak resident memory and sampled peak managed heap of one stretch of work in this process. The process's peak
/// resident memory (VmHWM) is reset at the start by writing "5" to /proc/self/clear_refs (proc(5), Linux ≥ 4.0), so
/// the peak read at the end is this stretch's own and not that of what ran before. The managed heap is sampled every
/// 50 ms. The baseline is taken after a full collection, so it is what earlier work left behind.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer sampler;
    private readonly long baselineKiB;
    private readonly long heapBefore;
    private readonly bool reset;
    private long heapPeak;

    private PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        heapPeak = heapBefore;
        baselineKiB = ProcStatus.KiB(Environment.ProcessId, "VmRSS");
        reset = ResetPeak();
        sampler = new Timer(_ => InterlockedMax(ref heapPeak, GC.GetTotalMemory(forceFullCollection: false)), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public static PeakMemory Start() => new();

    /// <summary>The figures so far: resident baseline and peak, managed heap before, now and at the sampled peak.</summary>
    public MemoryFigures Read()
    {
        var peak = reset ? ProcStatus.KiB(Environment.ProcessId, "VmHWM") : Process.GetCurrentProcess().PeakWorkingSet64 / 1024;
        var heapNow = GC.GetTotalMemory(forceFullCollection: false);
        InterlockedMax(ref heapPeak, heapNow);
        return new MemoryFigures(baselineKiB / 1024.0, peak / 1024.0, heapBefore / 1048576.0, heapNow / 1048576.0, Interlocked.Read(ref heapPeak) / 1048576.0, reset);
    }

    public void Dispose() => sampler.Dispose();

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the reset the peak is the whole process's lifetime: reported as such, not hidden.
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
/// Memory of one stretch of work, in MiB: resident before (baseline) and at the peak, managed heap before, after and at
/// the sampled peak; <see cref="PeakIsOwn"/> is false when the peak could not be reset (then it is the process's
/// lifetime peak).
/// </summary>
internal sealed record MemoryFigures(double BaselineMiB, double PeakMiB, double HeapBeforeMiB, double HeapAfterMiB, double HeapPeakMiB, bool PeakIsOwn)
{
    public double PeakIncreaseMiB => PeakMiB - BaselineMiB;
}
