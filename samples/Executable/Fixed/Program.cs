using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using EventIngest;

// The same function made safe for SnapStart. Values that must differ between execution environments are still
// set during init (the function also runs with SnapStart off) and are re-set by an after-restore hook registered
// before RunAsync, so that it runs in every restored copy before the first invocation.

// A RandomNumberGenerator kept across invocations is safe: it draws fresh OS entropy on every call, so restored
// copies never repeat each other. That is the right generator for sampling here.
using var sampler = RandomNumberGenerator.Create();

var collectorId = NewCollectorId();
var sinceStart = Stopwatch.StartNew();
var uploadBudget = new CancellationTokenSource(TimeSpan.FromMinutes(14));

SnapshotRestore.RegisterAfterRestore(() =>
{
    collectorId = NewCollectorId();
    sinceStart = Stopwatch.StartNew();

    // Restart the budget so it counts from this copy's start.
    uploadBudget.Dispose();
    uploadBudget = new CancellationTokenSource(TimeSpan.FromMinutes(14));
    return ValueTask.CompletedTask;
});

Func<IngestRequest, ILambdaContext, Task<IngestResult>> handler = async (request, context) =>
{
    var sampled = request.Events.Count(_ => NextFraction(sampler) < 0.1);
    await Task.Delay(TimeSpan.FromMilliseconds(5), uploadBudget.Token);
    context.Logger.LogInformation($"Collector {collectorId} accepted {request.Events.Count} events");
    return new IngestResult(request.Events.Count, sampled, collectorId, sinceStart.ElapsedMilliseconds);
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer())
    .Build()
    .RunAsync();

static string NewCollectorId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

static double NextFraction(RandomNumberGenerator generator)
{
    Span<byte> bytes = stackalloc byte[4];
    generator.GetBytes(bytes);
    return BitConverter.ToUInt32(bytes) / (double)uint.MaxValue;
}
