using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>Facts about one body's locals: their values (buffers filled included), the locals escaping closures keep, those closures.</summary>
    public class BodyFactsTests
    {
        [Fact]
        public async Task ValuesKeptLocalsAndEscapingClosures_AreRead()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Linq;
using System.Security.Cryptography;
using Amazon.Lambda.Core;
public class Function
{
    private readonly Func<string> _describe;

    public Function()
    {
        var name = ""a"";
        name = ""b"";
        var salt = new byte[8];
        RandomNumberGenerator.Fill(salt);
        var filtered = new[] { 1, 2 }.Where(x => x > 1).ToArray();
        var kept = filtered.Length;
        _describe = () => name + kept;
    }

    public string Handler(string input, ILambdaContext context) => _describe();
}");

            var phase = Build(compilation);
            var constructor = Type(compilation, "Function").InstanceConstructors.Single();
            var body = phase.Bodies.BodyOf(constructor)!;
            var facts = phase.FactsAround(body);
            var locals = body.Descendants().OfType<IVariableDeclaratorOperation>().ToDictionary(d => d.Symbol.Name, d => d.Symbol);

            Assert.Equal(new[] { "\"a\"", "\"b\"" }, facts.ValuesOf(locals["name"]).Select(v => v.Syntax.ToString()));
            Assert.Contains(facts.ValuesOf(locals["salt"]), v => v is IInvocationOperation { TargetMethod.Name: "Fill" });
            Assert.Equal(new[] { "kept", "name" }, facts.KeptLocals.Select(l => l.Name).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Single(facts.Closures);
        }
    }
}
