using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.SNAP046RelativeWarmUpUriCodeFix>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP046's fix: the absolute warm-up URI becomes a relative one; the fixed code is analyzed again and is clean.</summary>
    public class SNAP046RelativeWarmUpUriCodeFixTests
    {
        [Fact]
        public Task OneArgumentUri_AndAbsoluteUrl_BecomeRelative() => VerifyCS.VerifyCodeFixAsync(LambdaModel.MinimalApi, @"
using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, {|SNAP046:new Uri(""/health"")|}));
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, {|SNAP046:""https://localhost/orders?page=1""|}));
var app = builder.Build();
app.MapGet(""/health"", () => ""ok"");
app.Run();", @"
using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, new Uri(""/health"", UriKind.Relative)));
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, new Uri(""/orders?page=1"", UriKind.Relative)));
var app = builder.Build();
app.MapGet(""/health"", () => ""ok"");
app.Run();");
    }
}
