using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>SNAP011 and connection strings that switch pooling off: no pool, nothing primed.</summary>
    public class SNAP011PoolingDisabledTests
    {
        [Fact]
        public Task Clean_ConstantConnectionStringWithPoolingFalse() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private const string ConnectionString = ""Host=db;Database=orders;Pooling=false"";

    public Function()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task Clean_SpacedAndCapitalizedPoolingFalse_InALocal() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Data.SqlClient;

var connectionString = ""Server=db; Database=orders; Pooling = False"";
using (var warm = new SqlConnection(connectionString))
{
    await warm.OpenAsync();
}

await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task Clean_BuilderWithPoolingFalse() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    public Function()
    {
        var builder = new NpgsqlConnectionStringBuilder(""Host=db"") { Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();

        var other = new NpgsqlConnectionStringBuilder { Host = ""replica"" };
        other.Pooling = false;
        using var replica = new NpgsqlConnection(other.ToString());
        replica.Open();
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task Clean_InterpolatedConnectionStringAndDataSourceWithPoolingFalse() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var host = builder.Configuration[""DbHost""];
await using var dataSource = NpgsqlDataSource.Create($""Host={host};Pooling=false"");
await using (var connection = await dataSource.OpenConnectionAsync())
{
}

var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
");

        [Fact]
        public Task ClassLibrary_PoolingTrueAndOtherPoolSettingsStillPrimeThePool() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    public Function()
    {
        using var first = new NpgsqlConnection(""Host=db;Pooling=true"");
        {|SNAP011:first.Open()|};
        using var second = new NpgsqlConnection(""Host=db;Max Pool Size=5;Comment=Pooling=false is not set here"");
        {|SNAP011:second.Open()|};
        var builder = new NpgsqlConnectionStringBuilder(""Host=db"") { Pooling = true };
        using var third = new NpgsqlConnection(builder.ConnectionString);
        {|SNAP011:third.Open()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task ClassLibrary_ConnectionStringOfUnknownContentIsPooled() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    public Function()
    {
        using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(""DB""));
        {|SNAP011:connection.Open()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}");
    }
}
