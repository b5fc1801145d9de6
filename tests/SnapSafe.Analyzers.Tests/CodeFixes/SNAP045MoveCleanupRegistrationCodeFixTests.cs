using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.SNAP045MoveCleanupRegistrationCodeFix>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP045's fix: the cleanup registration moves above the priming registration; the fixed code is analyzed again and is clean.</summary>
    public class SNAP045MoveCleanupRegistrationCodeFixTests
    {
        [Fact]
        public Task CleanupAfterPriming_MovesAboveIt() => VerifyCS.VerifyCodeFixAsync(@"
using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbConnection _connection;

    public Function(DbConnection connection)
    {
        _connection = connection;
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
        {|SNAP045:SnapshotRestore.RegisterBeforeSnapshot(async () => await _connection.CloseAsync())|};
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var timeout = new System.Threading.CancellationTokenSource(System.TimeSpan.FromSeconds(5));
            await _connection.OpenAsync(timeout.Token);
        });
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input);
}", @"
using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbConnection _connection;

    public Function(DbConnection connection)
    {
        _connection = connection;
        SnapshotRestore.RegisterBeforeSnapshot(async () => await _connection.CloseAsync());
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var timeout = new System.Threading.CancellationTokenSource(System.TimeSpan.FromSeconds(5));
            await _connection.OpenAsync(timeout.Token);
        });
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input);
}");

        [Fact]
        public Task FixAll_MovesEveryCleanupOfTheBlock_InOrder() => VerifyCS.VerifyCodeFixAsync(@"
using System.Data.Common;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbConnection _connection;
    private readonly Stream _log;

    public Function(DbConnection connection, Stream log)
    {
        _connection = connection;
        _log = log;
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
        {|SNAP045:SnapshotRestore.RegisterBeforeSnapshot(async () => await _log.FlushAsync())|};
        {|SNAP045:SnapshotRestore.RegisterBeforeSnapshot(async () => await _connection.CloseAsync())|};
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var timeout = new System.Threading.CancellationTokenSource(System.TimeSpan.FromSeconds(5));
            await _connection.OpenAsync(timeout.Token);
        });
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input);
}", @"
using System.Data.Common;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbConnection _connection;
    private readonly Stream _log;

    public Function(DbConnection connection, Stream log)
    {
        _connection = connection;
        _log = log;
        SnapshotRestore.RegisterBeforeSnapshot(async () => await _log.FlushAsync());
        SnapshotRestore.RegisterBeforeSnapshot(async () => await _connection.CloseAsync());
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var timeout = new System.Threading.CancellationTokenSource(System.TimeSpan.FromSeconds(5));
            await _connection.OpenAsync(timeout.Token);
        });
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input);
}");

        [Fact]
        public Task AspNetCoreEntryPoint_CleanupMovesIntoStartupConfigure() => VerifyCS.VerifyCodeFixAsync(LambdaModel.AspNetCoreFunction, @"
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint()
    {
        {|SNAP045:SnapshotRestore.RegisterBeforeSnapshot(() => { Pools.ClearAllPools(); return ValueTask.CompletedTask; })|};
    }

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests()
    {
        yield return new HttpRequestMessage(HttpMethod.Get, ""/health"");
    }
}

public static class Pools { public static void ClearAllPools() { } }

public class Startup
{
    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(""ok""));
    }
}", @"
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint()
    {
    }

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests()
    {
        yield return new HttpRequestMessage(HttpMethod.Get, ""/health"");
    }
}

public static class Pools { public static void ClearAllPools() { } }

public class Startup
{
    public void Configure(IApplicationBuilder app)
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => { Pools.ClearAllPools(); return ValueTask.CompletedTask; });
        app.Run(context => context.Response.WriteAsync(""ok""));
    }
}");
    }
}
