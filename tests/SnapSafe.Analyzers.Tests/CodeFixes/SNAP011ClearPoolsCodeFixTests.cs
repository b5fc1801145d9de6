using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.SNAP011ClearPoolsCodeFix>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// SNAP011's fix through the real analyzer, against the real Npgsql and MySqlConnector packages and a stand-in of
    /// Microsoft.Data.SqlClient's <c>SqlConnection</c> (the package's dependencies do not all restore here): the pool
    /// is cleared in a before-snapshot hook registered during init. Every fixed source is compiled and analyzed
    /// again: it must build and carry no finding.
    /// </summary>
    public class SNAP011ClearPoolsCodeFixTests
    {
        private static readonly PackageIdentity Npgsql = new PackageIdentity("Npgsql", "8.0.5");
        private static readonly PackageIdentity MySqlConnector = new PackageIdentity("MySqlConnector", "2.4.0");

        /// <summary>Microsoft.Data.SqlClient's connection as the analyzer and the fix see it: a pooled DbConnection with a static ClearAllPools().</summary>
        private const string SqlClientStandIn = @"
using System.Data;
using System.Data.Common;

namespace Microsoft.Data.SqlClient
{
    public sealed class SqlConnection : DbConnection
    {
        public SqlConnection(string connectionString) => ConnectionString = connectionString;
        public override string ConnectionString { get; set; }
        public override string Database => """";
        public override string DataSource => """";
        public override string ServerVersion => """";
        public override ConnectionState State => ConnectionState.Closed;
        public static void ClearAllPools() { }
        public static void ClearPool(SqlConnection connection) { }
        public override void ChangeDatabase(string databaseName) { }
        public override void Close() { }
        public override void Open() { }
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new System.NotSupportedException();
        protected override DbCommand CreateDbCommand() => throw new System.NotSupportedException();
    }
}
";

        /// <summary>Npgsql 9's data source as the analyzer and the fix see it: a DbDataSource with a public Clear().</summary>
        private const string NpgsqlDataSourceStandIn = @"
using System.Data.Common;

namespace Npgsql
{
    public abstract class NpgsqlDataSource : DbDataSource
    {
        public static NpgsqlDataSource Create(string connectionString) => throw new System.NotSupportedException();

        public abstract void Clear();
    }
}
";

        private static Task VerifyAsync(LambdaModel model, string source, string fixedSource, params PackageIdentity[] packages)
            => Create(model, source, fixedSource, packages).RunAsync(CancellationToken.None);

        private static VerifyCS.Test Create(LambdaModel model, string source, string fixedSource, params PackageIdentity[] packages)
        {
            var test = new VerifyCS.Test(model) { TestCode = source, FixedCode = fixedSource };
            if (packages.Length > 0)
            {
                test.ReferenceAssemblies = test.ReferenceAssemblies.AddPackages(ImmutableArray.Create(packages));
            }

            return test;
        }

        private static VerifyCS.Test WithSqlClient(VerifyCS.Test test)
        {
            test.TestState.Sources.Add(("/0/SqlClient.cs", SqlClientStandIn));
            test.FixedState.Sources.Add(("/0/SqlClient.cs", SqlClientStandIn));
            return test;
        }

        [Fact]
        public Task Npgsql_OpenedInConstructor_HookAtTheEndOfTheConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    public Function()
    {
        using var connection = new NpgsqlConnection(""Host=db"");
        {|SNAP011:connection.Open()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    public Function()
    {
        using var connection = new NpgsqlConnection(""Host=db"");
        connection.Open();
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            NpgsqlConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}", Npgsql);

        [Fact]
        public Task Npgsql_OpenedInStaticConstructor_HookInTheStaticConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly string Version;

    static Function()
    {
        using var connection = new NpgsqlConnection(""Host=db"");
        {|SNAP011:connection.Open()|};
        Version = connection.ServerVersion;
    }

    public string Handler(string input, ILambdaContext context) => Version + input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly string Version;

    static Function()
    {
        using var connection = new NpgsqlConnection(""Host=db"");
        connection.Open();
        Version = connection.ServerVersion;
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            NpgsqlConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => Version + input;
}", Npgsql);

        [Fact]
        public Task Npgsql_PrimaryConstructorType_HookInANewStaticConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function(string connectionString)
{
    private readonly string _version = Probe(connectionString);

    private static string Probe(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        {|SNAP011:connection.Open()|};
        return connection.ServerVersion;
    }

    public string Handler(string input, ILambdaContext context) => _version + input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function(string connectionString)
{
    private readonly string _version = Probe(connectionString);

    static Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            NpgsqlConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        });
    }

    private static string Probe(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection.ServerVersion;
    }

    public string Handler(string input, ILambdaContext context) => _version + input;
}", Npgsql);

        [Fact]
        public Task Npgsql_ExistingBeforeSnapshotHook_GetsTheClearing() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private int _primed;

    public Function()
    {
        using (var connection = new NpgsqlConnection(""Host=db""))
        {
            {|SNAP011:connection.Open()|};
        }

        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _primed++;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input + _primed;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private int _primed;

    public Function()
    {
        using (var connection = new NpgsqlConnection(""Host=db""))
        {
            connection.Open();
        }

        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _primed++;
            NpgsqlConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input + _primed;
}", Npgsql);

        [Fact]
        public Task Npgsql9DataSource_StaticField_DataSourceIsCleared()
        {
            var test = Create(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(""Host=db"");

    public Function()
    {
        using var connection = {|SNAP011:DataSource.OpenConnection()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(""Host=db"");

    public Function()
    {
        using var connection = DataSource.OpenConnection();
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            DataSource.Clear();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}");
            test.TestState.Sources.Add(("/0/Npgsql.cs", NpgsqlDataSourceStandIn));
            test.FixedState.Sources.Add(("/0/Npgsql.cs", NpgsqlDataSourceStandIn));
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Npgsql8DataSource_NoPublicClear_NoFix()
        {
            // Npgsql 8 keeps NpgsqlDataSource.Clear() internal, and NpgsqlConnection.ClearAllPools() does not reach a data source's pool.
            const string Source = @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(""Host=db"");

    public Function()
    {
        using var connection = {|SNAP011:DataSource.OpenConnection()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}";
            return VerifyAsync(LambdaModel.ClassLibrary, Source, Source, Npgsql);
        }

        [Fact]
        public Task SqlClient_TopLevelStatements_HookBeforeRunAsync() => WithSqlClient(Create(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Data.SqlClient;

await using (var connection = new SqlConnection(""Server=db""))
{
    await {|SNAP011:connection.OpenAsync()|};
}

Func<string, ILambdaContext, string> handler = (input, context) => input;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Data.SqlClient;

await using (var connection = new SqlConnection(""Server=db""))
{
    await connection.OpenAsync();
}

Func<string, ILambdaContext, string> handler = (input, context) => input;
SnapshotRestore.RegisterBeforeSnapshot(() =>
{
    SqlConnection.ClearAllPools();
    return ValueTask.CompletedTask;
});
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
")).RunAsync(CancellationToken.None);

        [Fact]
        public Task MySqlConnector_MinimalApi_HookBeforeAppRun() => VerifyAsync(LambdaModel.MinimalApi, @"
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
using (var connection = new MySqlConnection(""Server=db""))
{
    {|SNAP011:connection.Open()|};
}

app.MapGet(""/"", () => ""ok"");
app.Run();
", @"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
using (var connection = new MySqlConnection(""Server=db""))
{
    connection.Open();
}

app.MapGet(""/"", () => ""ok"");
SnapshotRestore.RegisterBeforeSnapshot(() =>
{
    MySqlConnection.ClearAllPools();
    return ValueTask.CompletedTask;
});
app.Run();
", MySqlConnector);

        [Fact]
        public Task Annotations_FunctionConstructor_HookAtTheEndOfTheConstructor() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Npgsql;

public class Functions
{
    public Functions()
    {
        using var connection = new NpgsqlConnection(""Host=db"");
        {|SNAP011:connection.Open()|};
    }

    [LambdaFunction]
    public string Echo(string input) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Npgsql;

public class Functions
{
    public Functions()
    {
        using var connection = new NpgsqlConnection(""Host=db"");
        connection.Open();
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            NpgsqlConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        });
    }

    [LambdaFunction]
    public string Echo(string input) => input;
}", Npgsql);

        [Fact]
        public Task FixAll_TwoProvidersAndARepeat_OneHookWithOneClearingEach()
        {
            var test = Create(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Data.SqlClient;
using Npgsql;

public class Function
{
    public Function()
    {
        using (var first = new NpgsqlConnection(""Host=db""))
        {
            {|SNAP011:first.Open()|};
        }

        using (var second = new NpgsqlConnection(""Host=replica""))
        {
            {|SNAP011:second.Open()|};
        }

        using (var reports = new SqlConnection(""Server=reports""))
        {
            {|SNAP011:reports.Open()|};
        }
    }

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.Data.SqlClient;
using Npgsql;

public class Function
{
    public Function()
    {
        using (var first = new NpgsqlConnection(""Host=db""))
        {
            first.Open();
        }

        using (var second = new NpgsqlConnection(""Host=replica""))
        {
            second.Open();
        }

        using (var reports = new SqlConnection(""Server=reports""))
        {
            reports.Open();
        }

        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            NpgsqlConnection.ClearAllPools();
            SqlConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}", Npgsql);
            WithSqlClient(test);
            test.NumberOfFixAllIterations = 1;
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task ProviderWithoutPoolClearing_NoFix()
        {
            const string Source = @"
using System.Data;
using System.Data.Common;
using Amazon.Lambda.Core;

namespace Legacy
{
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
}

public class Function
{
    public Function()
    {
        using var connection = new Legacy.LegacyConnection();
        {|SNAP011:connection.Open()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}";
            return VerifyAsync(LambdaModel.ClassLibrary, Source, Source);
        }
    }
}
