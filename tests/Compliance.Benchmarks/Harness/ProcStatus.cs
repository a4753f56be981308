using System.Globalization;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// Memory figures of a process from /proc/PID/status (Linux, proc(5)): VmRSS is resident now, VmHWM the peak
/// resident ("high water mark") — the same figure /usr/bin/time -v reports as "Maximum resident set size".
/// </summary>
internal static class ProcStatus
{
    public static long KiB(int processId, string field)
    {
        var path = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
