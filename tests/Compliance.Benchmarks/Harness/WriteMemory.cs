using System.Diagnostics;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// Time, file size and memory of writing one document to a file; the memory is the write's own (PeakMemory resets
/// the process's peak before it, so the evaluation that came before does not count).
/// </summary>
internal static class WriteMemory
{
    public static async Task<WriteFigures> MeasureAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        using var memory = PeakMemory.Start();
        var watch = Stopwatch.StartNew();
        await using (var file = File.Create(path))
        {
            await write(file, ct);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return new WriteFigures(seconds, new FileInfo(path).Length, memory.Read());
    }
}

/// <summary>One write: seconds, bytes and its memory figures.</summary>
internal sealed record WriteFigures(double Seconds, long Bytes, MemoryFigures Memory)
{
    public double BaselineMiB => Memory.BaselineMiB;

    public double PeakMiB => Memory.PeakMiB;

    public double HeapBeforeMiB => Memory.HeapBeforeMiB;

    public double HeapAfterMiB => Memory.HeapAfterMiB;

    public double HeapPeakMiB => Memory.HeapPeakMiB;

    public bool PeakIsWriters => Memory.PeakIsOwn;

    public double PeakIncreaseMiB => Memory.PeakIncreaseMiB;
}
