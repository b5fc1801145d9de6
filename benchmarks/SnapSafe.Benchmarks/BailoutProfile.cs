using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers;

namespace SnapSafe.Benchmarks
{
    /// <summary>
    /// Where a project without Lambda code spends SnapSafe's time (<c>--bailout</c>): SnapSafe's telemetry on a new
    /// compilation of the library corpus, next to the type lookups a compilation-start action can make, each on a
    /// new compilation with new references (the lookups' cost is mostly reading the references for the first time).
    /// </summary>
    internal static class BailoutProfile
    {
        /// <summary>The types whose presence makes a project a Lambda project.</summary>
        private static readonly string[] LambdaMarkers =
        {
            "Amazon.Lambda.Core.ILambdaContext",
            "Amazon.Lambda.Core.LambdaSerializerAttribute",
            "Amazon.Lambda.RuntimeSupport.LambdaBootstrap",
            "Microsoft.Extensions.DependencyInjection.LambdaEventSource",
            "Amazon.Lambda.Annotations.LambdaFunctionAttribute",
        };

        /// <summary>The BCL and AWS SDK types the rules match (what SnapSafe resolved up front before).</summary>
        private static readonly string[] RuleTypes =
        {
            "Amazon.Lambda.Core.SnapshotRestore", "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder", "Amazon.Lambda.Annotations.LambdaStartupAttribute",
            "System.Random", "System.Guid", "System.Security.Cryptography.RandomNumberGenerator", "System.IO.Path", "System.DateTime", "System.DateTimeOffset",
            "System.Diagnostics.Stopwatch", "System.Environment", "System.TimeProvider", "System.Threading.Timer", "System.Timers.Timer", "System.Threading.PeriodicTimer",
            "System.Threading.CancellationTokenSource", "System.Threading.Timeout", "System.TimeSpan", "System.Linq.Enumerable", "System.Linq.Queryable",
            "Microsoft.AspNetCore.Builder.WebApplication", "Microsoft.Extensions.Hosting.IHost", "Microsoft.Extensions.DependencyInjection.IServiceCollection",
            "System.Data.Common.DbConnection", "System.Data.IDbConnection", "System.Data.Common.DbDataSource", "StackExchange.Redis.ConnectionMultiplexer",
            "System.Net.Sockets.TcpClient", "System.Net.Sockets.Socket", "System.Net.WebSockets.ClientWebSocket", "System.Net.Http.HttpMessageInvoker",
            "System.Net.Http.HttpClient", "System.Net.Dns", "Amazon.SecretsManager.IAmazonSecretsManager", "Amazon.SecretsManager.Extensions.Caching.ISecretsManagerCache",
            "Amazon.SecretsManager.Extensions.Caching.SecretsManagerCache", "Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement",
            "Amazon.KeyManagementService.IAmazonKeyManagementService", "Amazon.SecurityToken.IAmazonSecurityTokenService", "Amazon.Runtime.AWSCredentials",
        };

        public static async Task RunAsync(CorpusProject project)
        {
            var markers = new List<double>();
            var all = new List<double>();
            var allAfterCompile = new List<double>();
            var snapSafe = new List<double>();
            var compiler = new List<double>();
            var perType = RuleTypes.Concat(LambdaMarkers).ToDictionary(n => n, _ => new List<double>());
            for (var run = -2; run < 7; run++)
            {
                var compilation = project.Create();
                Program.Settle();
                var stopwatch = Stopwatch.StartNew();
                foreach (var name in LambdaMarkers)
                {
                    compilation.GetTypeByMetadataName(name);
                }

                var markerTime = stopwatch.Elapsed.TotalMilliseconds;

                compilation = project.Create();
                Program.Settle();
                stopwatch.Restart();
                foreach (var name in LambdaMarkers.Concat(RuleTypes))
                {
                    var before = stopwatch.Elapsed.TotalMilliseconds;
                    compilation.GetTypeByMetadataName(name);
                    if (run >= 0)
                    {
                        perType[name].Add(stopwatch.Elapsed.TotalMilliseconds - before);
                    }
                }

                var allTime = stopwatch.Elapsed.TotalMilliseconds;

                // The same lookups after the compiler has bound the whole project (the references are read by then).
                compilation = project.Create();
                Program.Settle();
                stopwatch.Restart();
                compilation.GetDiagnostics();
                var compilerTime = stopwatch.Elapsed.TotalMilliseconds;
                stopwatch.Restart();
                foreach (var name in LambdaMarkers.Concat(RuleTypes))
                {
                    compilation.GetTypeByMetadataName(name);
                }

                var afterCompileTime = stopwatch.Elapsed.TotalMilliseconds;

                var analyzer = new SnapSafeAnalyzer();
                var withAnalyzers = project.Create().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), Program.AnalyzerOptions(logTime: true));
                Program.Settle();
                await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
                var snapSafeTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;

                if (run >= 0)
                {
                    markers.Add(markerTime);
                    all.Add(allTime);
                    allAfterCompile.Add(afterCompileTime);
                    compiler.Add(compilerTime);
                    snapSafe.Add(snapSafeTime);
                }
            }

            // What the first lookup on a new compilation pays for, step by step; the compiler needs each step to bind anything.
            var steps = new Dictionary<string, List<double>>
            {
                ["references bound (ReferencedAssemblyNames)"] = new List<double>(),
                ["source declarations (SourceModule.GlobalNamespace members)"] = new List<double>(),
                ["merged global namespace (GlobalNamespace members)"] = new List<double>(),
                ["namespace System of every reference"] = new List<double>(),
                ["then the Lambda marker types"] = new List<double>(),
                ["then the other known types"] = new List<double>(),
            };
            for (var run = -2; run < 7; run++)
            {
                var compilation = project.Create();
                Program.Settle();
                var stopwatch = Stopwatch.StartNew();
                var times = new List<double>();
                _ = compilation.ReferencedAssemblyNames.Count();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                _ = compilation.SourceModule.GlobalNamespace.GetMembers().Count();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                _ = compilation.GlobalNamespace.GetMembers().Count();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                _ = compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "System").GetMembers().Count();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                foreach (var name in LambdaMarkers)
                {
                    compilation.GetTypeByMetadataName(name);
                }

                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                foreach (var name in RuleTypes)
                {
                    compilation.GetTypeByMetadataName(name);
                }

                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                if (run >= 0)
                {
                    var previous = 0.0;
                    var index = 0;
                    foreach (var step in steps.Values)
                    {
                        step.Add(times[index] - previous);
                        previous = times[index++];
                    }
                }
            }
            Console.WriteLine($"Library corpus, {project.Trees.Count} files, new references each run; medians of 7 runs (ms):");
            foreach (var step in steps)
            {
                Console.WriteLine($"- step: {step.Key}: {Program.Median(step.Value):F2}");
            }

            Console.WriteLine($"- compiler GetDiagnostics: {Program.Median(compiler):F1}");
            Console.WriteLine($"- SnapSafe, telemetry: {Program.Median(snapSafe):F2}");
            Console.WriteLine($"- {LambdaMarkers.Length} Lambda marker types looked up first on a new compilation: {Program.Median(markers):F2}");
            Console.WriteLine($"- all {LambdaMarkers.Length + RuleTypes.Length} known types looked up first on a new compilation: {Program.Median(all):F2}");
            Console.WriteLine($"- all {LambdaMarkers.Length + RuleTypes.Length} known types looked up after the compiler bound the project: {Program.Median(allAfterCompile):F2}");
            Console.WriteLine("- the costliest lookups, in lookup order (first on a new compilation):");
            foreach (var pair in perType.Where(p => p.Value.Count > 0).OrderByDescending(p => Program.Median(p.Value)).Take(12))
            {
                Console.WriteLine($"  - {pair.Key}: {Program.Median(pair.Value):F2}");
            }
        }
    }
}
