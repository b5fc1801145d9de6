using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda.Models;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>The executable-assembly recognizer: the runtime start, the init statements before it, the handler delegate.</summary>
    public class ExecutableModelTests
    {
        private const string Program = @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var prefix = Settings.Load();
Func<string, ILambdaContext, string> handler = (input, context) => prefix + Format(input);
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
Settings.AfterRun();

static string Format(string input) => input.Trim();

static class Settings
{
    public static string Load() => ""p"";
    public static void AfterRun() { }
}";

        [Fact]
        public async Task EntryPoint_StartsTheRuntimeAtRunAsync()
        {
            var compilation = await CompileAsync(LambdaModel.Executable, Program);

            var models = Recognize(compilation);

            Assert.NotNull(models.EntryPoint);
            Assert.Equal(EntryPointKind.Executable, models.EntryPointStart.Kind);
            Assert.True(models.Get<ExecutableModel>().IsPresent);
            Assert.False(models.Get<MinimalApiModel>().IsPresent);
            var start = Assert.IsAssignableFrom<ExpressionStatementSyntax>(models.RuntimeStart);
            Assert.Contains("RunAsync()", start.ToString());
        }

        [Fact]
        public async Task StatementsBeforeRunAsync_RunDuringInit_TheHandlerDelegatePerInvocation()
        {
            var compilation = await CompileAsync(LambdaModel.Executable, Program);

            var phase = Build(compilation);

            Assert.True(phase.RunsDuringInit(Method(compilation, "Settings", "Load")));
            Assert.False(phase.RunsDuringInit(Method(compilation, "Settings", "AfterRun")));
            var format = phase.Models.EntryPointStart.Body!.Descendants().OfType<ILocalFunctionOperation>().Single().Symbol;
            Assert.True(phase.InvocationReach.Reaches(format));
        }

        [Fact]
        public async Task LocalsTheHandlerDelegateCaptures_AreKept()
        {
            var compilation = await CompileAsync(LambdaModel.Executable, Program);

            var phase = Build(compilation);
            var body = phase.Models.EntryPointStart.Body!;
            var facts = phase.FactsAround(body);

            Assert.Contains(facts.KeptLocals, l => l.Name == "prefix");
        }

        [Fact]
        public async Task ConsoleAppWithoutARuntimeStart_HasNoInitCode()
        {
            var compilation = await CompileAsync(LambdaModel.Executable, @"
using System;
public static class Program
{
    public static void Main() => Console.WriteLine(Load());
    private static string Load() => ""x"";
}");

            var phase = Build(compilation);

            Assert.Equal(EntryPointKind.Unknown, phase.Models.EntryPointStart.Kind);
            Assert.Null(phase.Models.RuntimeStart);
            Assert.False(phase.RunsDuringInit(Method(compilation, "Program", "Load")));
        }
    }
}
