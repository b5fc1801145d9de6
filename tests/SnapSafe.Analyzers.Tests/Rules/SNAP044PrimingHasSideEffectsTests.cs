using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP044PrimingHasSideEffectsTests
    {

        [Fact]
        public Task ClassLibrary_HandlerWritesThroughAnHttpPostAndACommand_ReportedAtThePrimingCall() => VerifyCS.VerifyClassLibraryAsync(
            @"
using System.Data.Common;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbCommand _insert;

    public Function(DbCommand insert)
    {
        _insert = insert;
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await {|#0:FunctionHandler(""warm"", null!)|};
            }
        });
    }

    public async Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        using var http = new HttpClient();
        await {|#1:http.PostAsync(""https://audit.example.com/events"", new StringContent(input))|};
        await {|#2:_insert.ExecuteNonQueryAsync()|};
        return input;
    }
}",
            VerifyCS.Diagnostic(DiagnosticIds.PrimingHasSideEffects).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("FunctionHandler called by a before-snapshot hook", "HttpClient.PostAsync()"));

        [Fact]
        public Task ClassLibrary_ReadsOnly_AreClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Data.Common;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbCommand _select;

    public Function(DbCommand select)
    {
        _select = select;
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
    }

    public async Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        using var http = new HttpClient();
        var page = await http.GetStringAsync(""https://example.com"");
        var count = await _select.ExecuteScalarAsync();
        var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, ""https://example.com""));
        return input + page + count + head.StatusCode;
    }
}");

        [Fact]
        public Task ClassLibrary_AGuardedWrite_IsClean_AnUnguardedOneIsNot() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbCommand _insert;
    private bool _priming;

    public Function(DbCommand insert)
    {
        _insert = insert;
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            _priming = true;
            try
            {
                await FunctionHandler(""warm"", null!);
                await Store(""warm"");
            }
            finally
            {
                _priming = false;
            }
        });
        SnapshotRestore.RegisterBeforeSnapshot(async () => await {|SNAP044:Audit(""warm"")|});
    }

    public async Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        if (_priming)
        {
            return input;
        }

        await _insert.ExecuteNonQueryAsync();
        return input;
    }

    private async Task Store(string input)
    {
        if (!_priming)
        {
            await _insert.ExecuteNonQueryAsync();
        }
    }

    public async Task<string> Audit(string input)
    {
        await _insert.ExecuteNonQueryAsync();
        return input;
    }
}");

        [Fact]
        public Task MinimalApi_PostWarmUp_IsFlagged_GetWarmUpOfAReadingEndpointIsNot() => VerifyCS.VerifyMinimalApiAsync(@"
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/orders/1""));
{|SNAP044:builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Post, ""/orders""))|};
var app = builder.Build();
app.MapGet(""/orders/{id}"", (string id) => id);
app.MapPost(""/orders"", () => ""created"");
app.Run();");

        [Fact]
        public Task MinimalApi_GetWarmUpReachingAnEndpointThatWrites_IsFlaggedAtTheRegistration() => new VerifyCS.Test(LambdaModel.MinimalApi)
        {
            TestCode = @"
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
{|SNAP044:builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/visits""))|};
var app = builder.Build();
var ssm = new AmazonSimpleSystemsManagementClient();
app.MapGet(""/visits"", async () =>
{
    await ssm.PutParameterAsync(new PutParameterRequest { Name = ""/visits"", Value = ""1"", Overwrite = true });
    return ""ok"";
});
app.Run();",
        }.WithPackages().RunAsync();
    }
}
