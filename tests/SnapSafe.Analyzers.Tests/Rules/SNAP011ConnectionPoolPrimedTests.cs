using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP011ConnectionPoolPrimedTests
    {
        [Fact]
        public Task ClassLibrary_PooledConnectionOpenedAndDisposedInConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
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
}");

        [Fact]
        public Task ClassLibrary_SqlClientWarmUpInStaticConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Data.SqlClient;

public class Function
{
    static Function()
    {
        var connection = new SqlConnection(""Server=db"");
        {|SNAP011:connection.Open()|};
        connection.Close();
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task Executable_MySqlWarmUpBeforeRunAsync() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using MySqlConnector;

await using (var warm = new MySqlConnection(""Server=db""))
{
    await {|SNAP011:warm.OpenAsync()|};
}

await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_WarmUpBeforeRun() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
using (var connection = new NpgsqlConnection(""Host=db""))
{
    {|SNAP011:connection.Open()|};
}

app.MapGet(""/"", () => ""ok"");
app.Run();
");

        [Fact]
        public Task Annotations_WarmUpInConfigureServices() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        using var connection = new NpgsqlConnection(""Host=db"");
        {|SNAP011:connection.Open()|};
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get() => ""ok"";
}");

        [Fact]
        public Task Clean_PoolClearedBeforeSnapshot() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    public Function()
    {
        using (var connection = new NpgsqlConnection(""Host=db""))
        {
            connection.Open();
        }

        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            NpgsqlConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task Clean_MySqlPoolClearedBeforeSnapshot() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using MySqlConnector;

public class Function
{
    static Function()
    {
        using (var connection = new MySqlConnection(""Server=db""))
        {
            connection.Open();
        }

        SnapshotRestore.RegisterBeforeSnapshot(async () => await MySqlConnection.ClearAllPoolsAsync());
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task Clean_ConnectionOpenedPerInvocation() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Data.SqlClient;

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        using var connection = new SqlConnection(""Server=db"");
        connection.Open();
        return connection.Database;
    }
}");

        [Fact]
        public Task ClassLibrary_DataSourceConnectionDisposedDuringInit() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(""Host=db"");

    static Function()
    {
        using (var connection = {|SNAP011:DataSource.OpenConnection()|})
        {
        }
    }

    public string Handler(string input, ILambdaContext context) => input;
}");
    }
}
