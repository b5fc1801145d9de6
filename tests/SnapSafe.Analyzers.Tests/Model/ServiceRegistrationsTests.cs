using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>How init code uses the container: registrations, singletons, resolutions, and the services built during init.</summary>
    public class ServiceRegistrationsTests
    {
        [Fact]
        public async Task SingletonsResolvedDuringInit_AreBuilt_OthersAreNot()
        {
            var compilation = await CompileAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton<ICatalog, Catalog>();
builder.Services.AddScoped<IBasket, Basket>();
builder.Services.AddSingleton<Pricing>();
var app = builder.Build();
app.Services.GetRequiredService<ICatalog>();
app.MapGet(""/"", (IBasket basket, Pricing pricing) => basket.Name + pricing.Name);
app.Run();

public interface ICatalog { }
public class Catalog : ICatalog { public Catalog() { Trace.Built(""catalog""); } }
public interface IBasket { string Name { get; } }
public class Basket : IBasket { public Basket() { Trace.Built(""basket""); } public string Name => ""b""; }
public class Pricing { public Pricing() { Trace.Priced(); } public string Name => ""p""; }
public static class Trace { public static void Built(string what) { } public static void Priced() { } }");

            var phase = Build(compilation);
            var services = phase.Services;

            Assert.True(services.IsSingleton(Type(compilation, "ICatalog")));
            Assert.True(services.IsSingleton(Type(compilation, "Pricing")));
            Assert.False(services.IsSingleton(Type(compilation, "IBasket")));
            Assert.True(services.IsResolvedDuringInit(Type(compilation, "ICatalog")));
            Assert.False(services.IsResolvedDuringInit(Type(compilation, "Pricing")));
            Assert.Equal("Catalog", services.ImplementationOf(Type(compilation, "ICatalog"))!.Name);
            Assert.True(phase.RunsDuringInit(Type(compilation, "Catalog").InstanceConstructors[0]));
            Assert.False(phase.RunsDuringInit(Type(compilation, "Basket").InstanceConstructors[0]));
            Assert.False(phase.RunsDuringInit(Method(compilation, "Trace", "Priced")));
        }
    }
}
