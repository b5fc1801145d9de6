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

// Everything before RunAsync is init: under SnapStart it runs once, before the snapshot. The handler lambda runs
// per invocation, but the locals it captures were computed during init and are shared by every restored copy.

// SNAP001: the sampler decides which events are kept for detailed analysis; restored copies share its state
// and keep the same events.
var sampler = new Random();

// SNAP002: the collector id tags every batch so duplicates from retries can be traced to one execution
// environment; computed once, it is the same in every restored copy.
var collectorId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

// SNAP003: measures time since this environment started; after a restore it also counts the time the snapshot
// was stored.
var sinceStart = Stopwatch.StartNew();

// SNAP004: a 14-minute budget for the environment's background upload; its deadline was set before the snapshot,
// so a copy restored an hour later starts out already cancelled.
var uploadBudget = new CancellationTokenSource(TimeSpan.FromMinutes(14));

Func<IngestRequest, ILambdaContext, Task<IngestResult>> handler = async (request, context) =>
{
    var sampled = request.Events.Count(_ => sampler.NextDouble() < 0.1);
    await Task.Delay(TimeSpan.FromMilliseconds(5), uploadBudget.Token);
    context.Logger.LogInformation($"Collector {collectorId} accepted {request.Events.Count} events");
    return new IngestResult(request.Events.Count, sampled, collectorId, sinceStart.ElapsedMilliseconds);
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer())
    .Build()
    .RunAsync();
