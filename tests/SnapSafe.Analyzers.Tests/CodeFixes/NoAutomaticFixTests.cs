using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.CodeFixes.HookWriting;
using SnapSafe.Analyzers.Tests.Conventions;
using SnapSafe.Analyzers.Tests.Robustness;
using Xunit;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// The shapes docs/code-fixes.md documents as having no automatic fix: the fix is not offered, it says which
    /// documented case the shape is, and the page names each case.
    /// </summary>
    public class NoAutomaticFixTests
    {
        [Theory]
        [InlineData("ContainerInstance", "SNAP001", @"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton(new Random());
var app = builder.Build();
app.MapGet(""/"", (Random random) => random.Next());
app.Run();
")]
        [InlineData("Socket", "SNAP010", @"
using System.Net.Sockets;
using Amazon.Lambda.Core;

public class Function
{
    private readonly TcpClient _metrics = new TcpClient();

    public Function()
    {
        _metrics.Connect(""metrics.internal"", 8125);
    }

    public string Handler(string input, ILambdaContext context) => _metrics.Connected.ToString();
}")]
        [InlineData("ListElement", "SNAP002", @"
using System;
using System.Collections.Generic;
using Amazon.Lambda.Core;

public class Function
{
    private readonly List<Guid> _ids = new List<Guid>();

    public Function()
    {
        _ids.Add(Guid.NewGuid());
    }

    public string Handler(string input, ILambdaContext context) => _ids[0].ToString();
}")]
        [InlineData("PassedByCaller", "SNAP002", @"
using System;
using Amazon.Lambda.Core;

public class Named
{
    private readonly string _name;

    public Named(string name)
    {
        _name = name;
    }

    public string Name => _name;
}

public class Tenant : Named
{
    public Tenant() : base(Guid.NewGuid().ToString(""N""))
    {
    }
}

public class Function
{
    private readonly Tenant _tenant = new Tenant();

    public string Handler(string input, ILambdaContext context) => _tenant.Name;
}")]
        [InlineData("UnknownPool", "SNAP011", @"
using System.Data;
using System.Data.Common;
using Amazon.Lambda.Core;

public sealed class LegacyConnection : DbConnection
{
    public override string ConnectionString { get; set; } = """";
    public override string Database => """";
    public override string DataSource => """";
    public override string ServerVersion => """";
    public override ConnectionState State => ConnectionState.Closed;
    public override void ChangeDatabase(string databaseName) { }
    public override void Close() { }
    public override void Open() { }
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new System.NotSupportedException();
    protected override DbCommand CreateDbCommand() => throw new System.NotSupportedException();
}

public class Function
{
    public Function()
    {
        using var connection = new LegacyConnection();
        connection.Open();
    }

    public string Handler(string input, ILambdaContext context) => input;
}")]
        [InlineData("ConditionalRegistration", "SNAP040", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        if (input.Length > 0)
        {
            SnapshotRestore.RegisterAfterRestore(() => default);
        }

        return input;
    }
}")]
        [InlineData("HookUsesInvocation", "SNAP040", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            context.Logger.LogInformation(input);
            return default;
        });
        return input;
    }
}")]
        [InlineData("AwaitUnderLock", "SNAP042", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly object _gate = new object();

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            lock (_gate)
            {
                Task.Delay(1);
            }

            return default;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}")]
        [InlineData("NoInitCode", "SNAP040", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Repository
{
    public string Load(string key)
    {
        SnapshotRestore.RegisterAfterRestore(() => default);
        return key;
    }
}

public class Function
{
    public string Handler(string input, ILambdaContext context) => new Repository().Load(input);
}")]
        [InlineData("HostStarted", "SNAP004", @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.Hosting;

using var host = Host.CreateDefaultBuilder(args).Build();
await host.StartAsync();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
")]
        [InlineData("SharedInstance", "SNAP001", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context)
        => Task.FromResult(input + Random.Shared.Next(100));
}")]
        [InlineData("PrimedValueReadsInvocation", "SNAP003", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private string? _firstInput;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        _firstInput ??= input + DateTime.UtcNow;
        return Task.FromResult(_firstInput);
    }
}")]
        public async Task DocumentedShape_NoFixIsOffered_AndTheFixNamesTheCase(string expected, string id, string source)
        {
            var document = await RobustnessCorpus.DocumentAsync(source, RobustnessCorpus.OutputKindOf(source));
            var (diagnostics, exceptions) = await RobustnessCorpus.AnalyzeAsync(document.Project);
            Assert.Empty(exceptions);
            var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
            var fix = RobustnessCorpus.CodeFixes.OfType<HookCodeFix>().Single(f => f.FixableDiagnosticIds.Contains(id));
            var offer = await fix.PlanAsync(document, diagnostic, CancellationToken.None);
            Assert.Null(offer.Title);
            Assert.Equal(System.Enum.Parse<ManualFix>(expected), offer.Manual);
            Assert.Empty(await RobustnessCorpus.ApplyFixesAsync(document, new[] { diagnostic }));
        }

        [Fact]
        public void EveryDocumentedCase_IsOnTheCodeFixesPage()
        {
            var page = File.ReadAllText(Repository.PathOf("docs", "code-fixes.md"));
            var table = page.Substring(page.IndexOf("## No automatic fix", System.StringComparison.Ordinal));
            var phrases = new[]
            {
                (ManualFix.ContainerInstance, "handed to a container"),
                (ManualFix.Socket, "a socket connected during init"),
                (ManualFix.ListElement, "appended to a kept list"),
                (ManualFix.PassedByCaller, "receives from its caller"),
                (ManualFix.UnknownPool, "no pool-clearing API"),
                (ManualFix.ConditionalRegistration, "under a condition of the invocation"),
                (ManualFix.HookUsesInvocation, "uses the invocation's values"),
                (ManualFix.AwaitUnderLock, "inside a `lock`"),
                (ManualFix.NoInitCode, "code with no init of its own"),
                (ManualFix.HostStarted, "a generic host started during init"),
                (ManualFix.SharedInstance, "a shared instance of the framework"),
                (ManualFix.PrimedValueReadsInvocation, "a primed value that reads the invocation's input"),
            };
            Assert.Equal(System.Enum.GetValues<ManualFix>().Where(m => m != ManualFix.None).OrderBy(m => m), phrases.Select(p => p.Item1).OrderBy(m => m));
            foreach (var (_, phrase) in phrases)
            {
                Assert.Contains(phrase, table, System.StringComparison.Ordinal);
            }
        }
    }
}
