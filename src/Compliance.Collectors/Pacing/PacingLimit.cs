namespace Compliance.Collectors.Pacing;

/// <summary>One throttling budget: <see cref="Capacity"/> units per sliding <see cref="Window"/>.</summary>
public sealed record PacingLimit(int Capacity, TimeSpan Window)
{
    public override string ToString() =>
        Window.TotalMinutes >= 1 && Window.Seconds == 0 ? $"{Capacity} per {Window.TotalMinutes:0} min" : $"{Capacity} per {Window.TotalSeconds:0} s";
}
