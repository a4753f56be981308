namespace Compliance.Worker.Review;

/// <summary>
/// A clock that runs at the real rate but reads <paramref name="offset"/> away from <paramref name="inner"/>: the demo
/// replays its tenant's previous review at the moment the fixture says it happened.
/// </summary>
internal sealed class ShiftedTime(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>A clock reading <paramref name="moment"/> now.</summary>
    public static ShiftedTime At(TimeProvider inner, DateTimeOffset moment) => new(inner, moment - inner.GetUtcNow());
}
