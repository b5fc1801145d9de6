using System;
using System.Collections.Generic;

namespace EventIngest
{
    public sealed record ClickEvent(string SessionId, string Page, DateTimeOffset At);

    public sealed record IngestRequest(IReadOnlyList<ClickEvent> Events);

    public sealed record IngestResult(int Accepted, int Sampled, string Collector, long MillisecondsSinceStart);
}
