using System.Diagnostics;
using System.Text;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// Wall time, peak resident memory and peak managed heap of each phase of a review, told apart by the pipeline's own
/// log lines (review.start → collect; the first review.source → store + evaluate; review.evaluate → publish;
/// review.publish → done). Resident memory (VmRSS) and the managed heap are sampled every 50 ms and at each phase
/// change; the process's own peak (VmHWM, what /usr/bin/time -v reports) is left untouched and read at the end.
/// </summary>
internal sealed class PhaseMemory : TextWriter
{
    private readonly TextWriter inner;
    private readonly Lock gate = new();
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Timer sampler;
    private readonly List<PhaseFigures> finished = [];
    private string phase = "before";
    private double phaseStart;
    private long heapPeak;
    private long residentPeakKiB;

    public PhaseMemory(TextWriter inner)
    {
        this.inner = inner;
        sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Every phase that ended, in order; one review yields collect, store + evaluate, publish.</summary>
    public IReadOnlyList<PhaseFigures> Phases
    {
        get
        {
            lock (gate)
            {
                return [.. finished];
            }
        }
    }

    public override void WriteLine(string? value)
    {
        inner.WriteLine(value);
        var next = value switch
        {
            _ when value is null => null,
            _ when value.Contains(" review.start ", StringComparison.Ordinal) => "collect",
            _ when value.Contains(" review.source ", StringComparison.Ordinal) => "store + evaluate",
            _ when value.Contains(" review.evaluate ", StringComparison.Ordinal) => "publish",
            _ when value.Contains(" review.publish ", StringComparison.Ordinal) => "done",
            _ => null,
        };
        if (next is not null)
        {
            Enter(next);
        }
    }

    public override void Write(char value) => inner.Write(value);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sampler.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Enter(string next)
    {
        Sample();
        lock (gate)
        {
            if (next == phase)
            {
                return;
            }

            var now = watch.Elapsed.TotalSeconds;
            if (phase is not ("before" or "done"))
            {
                finished.Add(new PhaseFigures(phase, now - phaseStart, residentPeakKiB / 1024.0, heapPeak / 1048576.0));
            }

            phase = next;
            phaseStart = now;
            heapPeak = 0;
            residentPeakKiB = 0;
        }
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var resident = ProcStatus.KiB(Environment.ProcessId, "VmRSS");
        lock (gate)
        {
            heapPeak = Math.Max(heapPeak, heap);
            residentPeakKiB = Math.Max(residentPeakKiB, resident);
        }
    }
}

/// <summary>One phase of a review: seconds, peak resident MiB (sampled VmRSS), peak managed heap MiB (sampled).</summary>
internal sealed record PhaseFigures(string Phase, double Seconds, double PeakResidentMiB, double PeakHeapMiB)
{
    /// <summary>"{label}: {phase}, wall", ", peak RSS" (target &lt; 1 GiB, issue 6) and ", peak managed heap"; no label: "{phase}, …".</summary>
    public IEnumerable<Figure> Figures(string? label = null)
    {
        var name = label is null ? Phase : $"{label}: {Phase}";
        return
        [
            new Figure($"{name}, wall", "s", [Seconds], "-", null),
            new Figure($"{name}, peak RSS", "MiB", [PeakResidentMiB], "< 1024", PeakResidentMiB < 1024),
            new Figure($"{name}, peak managed heap", "MiB", [PeakHeapMiB], "-", null),
        ];
    }
}
