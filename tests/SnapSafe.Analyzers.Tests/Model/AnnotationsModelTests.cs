using System.Linq;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Lambda.Models;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>The Annotations recognizer: [LambdaFunction] classes built with their services during init, [LambdaStartup] configuration first.</summary>
    public class AnnotationsModelTests
    {
        private const string Source = @"
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IClock, SystemClock>();
        Registry.Configure();
    }
}

public interface IClock { string Now(); }
public class SystemClock : IClock
{
    public SystemClock() { Registry.ClockBuilt(); }
    public string Now() => ""now"";
}

public static class Registry
{
    public static void Configure() { }
    public static void ClockBuilt() { }
}

public class Functions
{
    private readonly IClock _clock;
    public Functions(IClock clock) { _clock = clock; }

    [LambdaFunction]
    public string Greet(string name) => name + _clock.Now();

    public string NotAFunction() => ""x"";
}";

        [Fact]
        public async Task FunctionsAndStartupAreFound()
        {
            var compilation = await CompileAsync(LambdaModel.Annotations, Source);

            var models = Recognize(compilation);
            var annotations = models.Get<AnnotationsModel>();

            Assert.Equal(new[] { "Functions" }, annotations.FunctionTypes.Select(t => t.Name));
            Assert.Equal(new[] { "Startup" }, annotations.StartupTypes.Select(t => t.Name));
            Assert.Contains(models.FunctionTypes, t => t.Name == "Functions");
            Assert.False(models.Get<ClassLibraryModel>().IsPresent);
        }

        [Fact]
        public async Task StartupConfiguration_FunctionConstructor_AndInjectedServices_RunDuringInit()
        {
            var compilation = await CompileAsync(LambdaModel.Annotations, Source);

            var phase = Build(compilation);

            Assert.True(phase.RunsDuringInit(Method(compilation, "Startup", "ConfigureServices")));
            Assert.True(phase.RunsDuringInit(Method(compilation, "Registry", "Configure")));
            Assert.True(phase.RunsDuringInit(Type(compilation, "Functions").InstanceConstructors.Single()));
            Assert.True(phase.RunsDuringInit(Method(compilation, "Registry", "ClockBuilt")));
        }

        [Fact]
        public async Task FunctionMethods_ArePerInvocation_OtherPublicMethodsAreNot()
        {
            var compilation = await CompileAsync(LambdaModel.Annotations, Source);

            var phase = Build(compilation);

            Assert.True(phase.InvocationReach.Reaches(Method(compilation, "Functions", "Greet")));
            Assert.False(phase.InvocationReach.Reaches(Method(compilation, "Functions", "NotAFunction")));
            Assert.False(phase.RunsDuringInit(Method(compilation, "Functions", "Greet")));
        }
    }
}
