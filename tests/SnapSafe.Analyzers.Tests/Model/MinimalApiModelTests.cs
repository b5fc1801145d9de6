using System.Threading.Tasks;
using SnapSafe.Analyzers.Lambda.Models;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>The minimal-API recognizer: AddAWSLambdaHosting (directly or through a helper), app.Run, endpoint lambdas.</summary>
    public class MinimalApiModelTests
    {
        [Fact]
        public async Task AddAWSLambdaHosting_ThenAppRun_IsAMinimalApi()
        {
            var compilation = await CompileAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var greeting = Greetings.Load();
app.MapGet(""/"", () => greeting + Greetings.Suffix());
app.Run();

static class Greetings
{
    public static string Load() => ""hello"";
    public static string Suffix() => ""!"";
}");

            var phase = Build(compilation);

            Assert.Equal(EntryPointKind.MinimalApi, phase.Models.EntryPointStart.Kind);
            Assert.True(phase.Models.Get<MinimalApiModel>().IsPresent);
            Assert.Contains("app.Run()", phase.Models.RuntimeStart!.ToString());
            Assert.True(phase.RunsDuringInit(Method(compilation, "Greetings", "Load")));
            Assert.False(phase.RunsDuringInit(Method(compilation, "Greetings", "Suffix")));
            Assert.True(phase.InvocationReach.Reaches(Method(compilation, "Greetings", "Suffix")));
            Assert.Contains(phase.FactsAround(phase.Models.EntryPointStart.Body!).KeptLocals, l => l.Name == "greeting");
        }

        [Fact]
        public async Task HostingSetUpInAnExtensionMethod_IsRecognized()
        {
            var compilation = await CompileAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddLambda();
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
await app.RunAsync();

static class Setup
{
    public static IServiceCollection AddLambda(this IServiceCollection services) => services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
}");

            var models = Recognize(compilation);

            Assert.Equal(EntryPointKind.MinimalApi, models.EntryPointStart.Kind);
            Assert.Contains("RunAsync()", models.RuntimeStart!.ToString());
        }

        [Fact]
        public async Task WebAppWithoutLambdaHosting_IsNotAMinimalApiFunction()
        {
            var compilation = await CompileAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;

var app = WebApplication.CreateBuilder(args).Build();
app.MapGet(""/"", () => ""ok"");
app.Run();");

            var models = Recognize(compilation);

            Assert.False(models.Get<MinimalApiModel>().IsPresent);
            Assert.Null(models.RuntimeStart);
        }
    }
}
