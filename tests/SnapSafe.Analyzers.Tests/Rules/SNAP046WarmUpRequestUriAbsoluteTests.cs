using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP046WarmUpRequestUriAbsoluteTests
    {
        [Fact]
        public Task MinimalApi_AbsoluteUris_AreFlagged() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, {|SNAP046:new Uri(""/health"")|}));
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, {|SNAP046:""https://localhost/orders""|}));
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage { Method = HttpMethod.Get, RequestUri = {|SNAP046:new Uri(""http://localhost/items"", UriKind.Absolute)|} });
var warmUp = new HttpRequestMessage(HttpMethod.Get, {|SNAP046:new Uri(""/catalog"")|});
builder.Services.AddAWSLambdaBeforeSnapshotRequest(warmUp);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(WarmUps.Stock());
var app = builder.Build();
app.MapGet(""/health"", () => ""ok"");
app.Run();

static class WarmUps
{
    public static HttpRequestMessage Stock() => new HttpRequestMessage(HttpMethod.Get, {|SNAP046:new Uri(""/stock"")|});
}");

        [Fact]
        public Task MinimalApi_RelativeUris_AreClean() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/health""));
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, new Uri(""/orders"", UriKind.Relative)));
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, new Uri(""/items"", UriKind.RelativeOrAbsolute)));
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage { RequestUri = new Uri(""/stock"", UriKind.Relative) });
var app = builder.Build();
app.MapGet(""/health"", () => ""ok"");
app.Run();");

        [Fact]
        public Task NotAWarmUpRequest_IsClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Net.Http;
using Amazon.Lambda.Core;

public class Function
{
    private readonly HttpRequestMessage _template = new HttpRequestMessage(HttpMethod.Get, new Uri(""https://example.com/""));
    public string Handler(string input, ILambdaContext context) => input + _template.RequestUri;
}");
    }
}
