using System.Linq;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>What runs during init: constructors, initializers, base classes, static initialization, and what they reach.</summary>
    public class InitWalkTests
    {
        [Fact]
        public async Task ConstructorsInitializersBaseClassesAndHelpers_RunDuringInit()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
public abstract class FunctionBase
{
    protected FunctionBase() { Setup.Base(); }
}

public class Function : FunctionBase
{
    private readonly Cache _cache = new Cache();
    static Function() { Setup.Static(); }
    public Function() { Setup.Instance(); }
    public string Handler(string input, ILambdaContext context) => Setup.PerInvocation(input);
}

public class Cache { public Cache() { Setup.CacheBuilt(); } }

public static class Setup
{
    public static void Base() { }
    public static void Static() { }
    public static void Instance() { Nested(); }
    public static void Nested() { }
    public static void CacheBuilt() { }
    public static string PerInvocation(string input) => input;
}");

            var phase = Build(compilation);

            foreach (var name in new[] { "Base", "Static", "Instance", "Nested", "CacheBuilt" })
            {
                Assert.True(phase.RunsDuringInit(Method(compilation, "Setup", name)), name + " should run during init");
            }

            Assert.False(phase.RunsDuringInit(Method(compilation, "Setup", "PerInvocation")));
            Assert.False(phase.RunsDuringInit(Method(compilation, "Function", "Handler")));
        }

        [Fact]
        public async Task StaticStateOfATypeInitCodeTouches_IsInitialized()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
public class Function
{
    private readonly string _region = Defaults.Region;
    public string Handler(string input, ILambdaContext context) => input + _region + Unused.Name;
}

public static class Defaults
{
    public const string Fallback = ""us-east-1"";
    public static readonly string Region = Load();
    static Defaults() { }
    private static string Load() => Fallback;
}

public static class Unused
{
    public static readonly string Name = Load();
    static Unused() { }
    private static string Load() => ""n"";
}");

            var phase = Build(compilation);

            Assert.True(phase.RunsDuringInit(Method(compilation, "Defaults", "Load")));
            Assert.True(phase.RunsDuringInit(Type(compilation, "Defaults").StaticConstructors.Single()));
            Assert.False(phase.RunsDuringInit(Method(compilation, "Unused", "Load")));
        }

        [Fact]
        public async Task LambdasAndLocalFunctions_DoNotRunDuringInit()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
public class Function
{
    private readonly Func<string> _later;
    public Function() { _later = () => Work.Later(); }
    public string Handler(string input, ILambdaContext context) => _later();
}

public static class Work { public static string Later() => ""l""; }");

            var phase = Build(compilation);

            Assert.False(phase.RunsDuringInit(Method(compilation, "Work", "Later")));
        }
    }
}
