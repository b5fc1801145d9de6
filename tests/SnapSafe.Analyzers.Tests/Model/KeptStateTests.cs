using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>What init keeps: which stores enter kept state, each member's first value, pooled connections handed back.</summary>
    public class KeptStateTests
    {
        [Fact]
        public async Task StaticFields_FieldsOfKeptObjects_AndCapturedLocals_AreKept_LocalsAndPerCallObjectsAreNot()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
public class Function
{
    private static readonly Guid Process = Guid.NewGuid();
    private readonly Session _session = new Session();
    private readonly Func<Guid> _echo;

    public Function()
    {
        var local = Guid.NewGuid();
        var captured = Guid.NewGuid();
        _echo = () => captured;
        Console.WriteLine(local);
        new Scratch().Fill();
    }

    public string Handler(string input, ILambdaContext context) => input + Process + _session.Id + _echo();
}

public class Session { public Guid Id { get; } = Guid.NewGuid(); }

public class Scratch
{
    private Guid _id;
    public void Fill() { _id = Guid.NewGuid(); Console.WriteLine(_id); }
}");

            var phase = Build(compilation);
            var kept = phase.Kept.Pending.Where(p => p.Rule.Id == DiagnosticIds.UniqueValueCaptured).Select(p => p.Member!.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

            Assert.Equal(new[] { "Id", "Process", "captured" }, kept);
        }

        [Fact]
        public async Task InitValue_IsTheFirstValueInTheMembersOwnTypesInitialization()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
public class Function
{
    private Random _random = new Random(1);
    public Function() { _random = new Random(2); }
    public string Handler(string input, ILambdaContext context) => input + _random.Next();
}");

            var phase = Build(compilation);

            Assert.True(phase.Kept.TryGetInitValue(Member(compilation, "Function", "_random"), out var value));
            Assert.Equal("new Random(1)", value.Syntax.ToString());
        }

        [Fact]
        public async Task PooledConnectionsOpenedAndDisposed_AreRecorded_KeptOnesAreNot()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System.Data.Common;
using Amazon.Lambda.Core;
public class Function
{
    private readonly DbConnection _kept;

    public Function(DbProviderFactory factory)
    {
        using (var warm = factory.CreateConnection()!)
        {
            warm.Open();
        }

        _kept = factory.CreateConnection()!;
        _kept.Open();
    }

    public string Handler(string input, ILambdaContext context) => input + _kept.State;
}");

            var phase = Build(compilation);

            var pooled = Assert.Single(phase.Kept.PooledOpens);
            Assert.Equal("warm.Open()", pooled.Open.Syntax.ToString());
            Assert.Contains(phase.Kept.Pending, p => p.Rule.Id == DiagnosticIds.ConnectionOpenedDuringInit && p.Member!.Name == "_kept");
        }
    }
}
