using System.Globalization;
using System.Runtime.InteropServices;

namespace Compliance.Benchmarks.Harness;

/// <summary>The machine a figure was measured on: absolute times mean little without it.</summary>
internal sealed record Machine(int Cores, long MemoryMiB, string Os, string Runtime, string Cpu)
{
    public static Machine Current { get; } = Describe();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Cores} cores ({Cpu}), {MemoryMiB} MiB, {Os}, {Runtime}");

    private static Machine Describe()
    {
        long memory = 0;
        var cpu = "unknown cpu";
        if (File.Exists("/proc/meminfo"))
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            memory = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        return new Machine(Environment.ProcessorCount, memory, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, cpu);
    }
}
