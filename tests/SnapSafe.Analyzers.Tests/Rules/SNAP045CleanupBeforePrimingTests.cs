using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP045CleanupBeforePrimingTests
    {
        [Fact]
        public Task ClassLibrary_CleanupRegisteredAfterThePrimingHook_IsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
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

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input + _connection.State);
}");

        [Fact]
        public Task ClassLibrary_CleanupOfAnotherFunctionType_IsClean_ItsOwnLateCleanupIsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Orders
{
    public Orders()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input);
}

public class Journal
{
    private readonly Stream _journal = new MemoryStream();
    private readonly Stream _audit = new MemoryStream();

    public Journal()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await _journal.FlushAsync());
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
        {|SNAP045:SnapshotRestore.RegisterBeforeSnapshot(async () => await _audit.FlushAsync())|};
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input + _journal.Length + _audit.Length);
}");

        [Fact]
        public Task ClassLibrary_CleanupRegisteredBeforeThePrimingHook_IsClean() => VerifyCS.VerifyClassLibraryAsync(@"
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

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input + _connection.State);
}");

        [Fact]
        public Task ClassLibrary_PrimingAndCleanupInOneHook_AndCleanupAfterANonPrimingHook_AreClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbConnection _connection;

    public Function(DbConnection connection)
    {
        _connection = connection;
        SnapshotRestore.RegisterBeforeSnapshot(() => { System.Console.WriteLine(""snapshot""); return ValueTask.CompletedTask; });
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            await FunctionHandler(""warm"", null!);
            await _connection.CloseAsync();
        });
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var timeout = new System.Threading.CancellationTokenSource(System.TimeSpan.FromSeconds(5));
            await _connection.OpenAsync(timeout.Token);
        });
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input + _connection.State);
}");

        [Fact]
        public Task MinimalApi_CleanupRegisteredBeforeAppRun_RunsAfterTheWarmUp_IsClean() => VerifyCS.VerifyMinimalApiAsync(@"
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/health""));
var app = builder.Build();
var buffer = new System.IO.MemoryStream();
app.MapGet(""/health"", () => ""ok"" + buffer.Length);
SnapshotRestore.RegisterBeforeSnapshot(async () => await buffer.DisposeAsync());
app.Run();");
    }
}
