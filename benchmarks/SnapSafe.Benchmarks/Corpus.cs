using System.Collections.Generic;
using System.Text;

namespace SnapSafe.Benchmarks
{
    /// <summary>The programming models a generated Lambda project can use.</summary>
    internal enum Model
    {
        ClassLibrary,
        Executable,
        MinimalApi,
        Annotations,
    }

    /// <summary>
    /// Generates source files: Lambda projects in each programming model whose init code holds every kind of
    /// hazard SnapSafe reports (and the clean shapes next to them), and an ordinary code base with no Lambda types.
    /// Every file also carries ordinary business code, so the compiler has real work to compare against.
    /// </summary>
    internal static class Corpus
    {
        public static List<(string Path, string Text)> Lambda(Model model, int files)
        {
            var result = new List<(string, string)>();
            switch (model)
            {
                case Model.Executable:
                    result.Add(("Program.cs", ExecutableProgram(files)));
                    break;
                case Model.MinimalApi:
                    result.Add(("Program.cs", MinimalApiProgram(files)));
                    break;
                case Model.Annotations:
                    result.Add(("Startup.cs", AnnotationsStartup(files)));
                    break;
            }

            for (var i = result.Count; i < files; i++)
            {
                var text = model switch
                {
                    Model.ClassLibrary => (i % 3) switch
                    {
                        0 => ClassLibraryFunction(i),
                        1 => ConnectionAndSecretFunction(i),
                        _ => HookFunction(i),
                    },
                    Model.Annotations => AnnotationsFunction(i),
                    _ => Service(i),
                };
                result.Add(($"File{i}.cs", text));
            }

            return result;
        }

        public static List<(string Path, string Text)> Plain(int files)
        {
            var result = new List<(string, string)>();
            for (var i = 0; i < files; i++)
            {
                result.Add(($"Plain{i}.cs", PlainFile(i)));
            }

            return result;
        }

        private static string BusinessCode(int i) => $@"
    public sealed record Order{i}(string Id, decimal Amount, System.DateTime Created, System.Collections.Generic.IReadOnlyList<string> Lines);

    public static class Pricing{i}
    {{
        public static decimal Total(System.Collections.Generic.IEnumerable<Order{i}> orders, decimal discount)
        {{
            var total = 0m;
            foreach (var order in orders)
            {{
                if (order.Amount > 100m && order.Lines.Count > 2)
                {{
                    total += order.Amount * (1 - discount);
                }}
                else
                {{
                    total += order.Amount;
                }}
            }}

            return System.Math.Round(total, 2);
        }}

        public static System.Collections.Generic.Dictionary<string, decimal> ByDay(System.Collections.Generic.IEnumerable<Order{i}> orders)
            => System.Linq.Enumerable.ToDictionary(
                System.Linq.Enumerable.GroupBy(orders, o => o.Created.ToString(""yyyy-MM-dd"")),
                g => g.Key,
                g => System.Linq.Enumerable.Sum(g, o => o.Amount));

        public static async System.Threading.Tasks.Task<string> DescribeAsync(Order{i} order, System.Threading.CancellationToken token)
        {{
            await System.Threading.Tasks.Task.Delay(0, token);
            var builder = new System.Text.StringBuilder();
            for (var line = 0; line < order.Lines.Count; line++)
            {{
                builder.Append(line).Append("": "").AppendLine(order.Lines[line]);
            }}

            return $""{{order.Id}} {{order.Amount:C}} {{builder}}"";
        }}
    }}";

        private static string ClassLibraryFunction(int i) => $@"using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Orders.Functions{i % 20}
{{
    public sealed class Clock{i}
    {{
        private readonly DateTime _created = DateTime.UtcNow;
        public DateTime Created => _created;
    }}

    public class Function{i}
    {{
        private static readonly Random Jitter = new Random();
        private static readonly Random Seeded = new Random({i});
        private readonly string _instanceId = Guid.NewGuid().ToString(""N"");
        private readonly Stopwatch _uptime = Stopwatch.StartNew();
        private readonly Clock{i} _clock = new Clock{i}();
        private readonly Lazy<Random> _lazy = new Lazy<Random>(() => new Random());
        private readonly CancellationTokenSource _deadline = new CancellationTokenSource(TimeSpan.FromMinutes({i % 7 + 1}));
        private Random _refreshed = new Random();
        private string _name = ""orders-{i}"";

        public Function{i}()
        {{
            _name = Describe(_name);
            SnapshotRestore.RegisterAfterRestore(() =>
            {{
                _refreshed = new Random();
                return ValueTask.CompletedTask;
            }});
        }}

        private static string Describe(string name) => name.ToUpperInvariant();

        public async Task<string> Handler(Order{i} input, ILambdaContext context)
        {{
            var requestId = Guid.NewGuid();
            var total = Pricing{i}.Total(new[] {{ input }}, 0.1m);
            var text = await Pricing{i}.DescribeAsync(input, CancellationToken.None);
            return $""{{_instanceId}} {{requestId}} {{total}} {{text}} {{Jitter.Next()}} {{Seeded.Next()}} {{_uptime.ElapsedMilliseconds}} {{_clock.Created}} {{_lazy.Value.Next()}} {{_deadline.IsCancellationRequested}} {{_refreshed.Next()}} {{_name}}"";
        }}
    }}
{BusinessCode(i)}
}}
";

        /// <summary>
        /// The AWS SDK surface the secret and credential rules match, by its real namespaces and names, and a team's
        /// own sensitive type; compiled into a separate assembly, as a package would be.
        /// </summary>
        public const string AwsSdkShapes = @"using System.Threading;
using System.Threading.Tasks;

namespace Amazon.SecretsManager.Model
{
    public class GetSecretValueRequest { public string SecretId { get; set; } = """"; }
    public class GetSecretValueResponse { public string SecretString { get; set; } = """"; }
}

namespace Amazon.SecretsManager
{
    public interface IAmazonSecretsManager
    {
        Task<Model.GetSecretValueResponse> GetSecretValueAsync(Model.GetSecretValueRequest request, CancellationToken cancellationToken = default);
    }
}

namespace Amazon.SecurityToken.Model
{
    public class AssumeRoleRequest { public string RoleArn { get; set; } = """"; }
    public class Credentials { public string SessionToken { get; set; } = """"; }
    public class AssumeRoleResponse { public Credentials Credentials { get; set; } = new Credentials(); }
}

namespace Amazon.SecurityToken
{
    public interface IAmazonSecurityTokenService
    {
        Task<Model.AssumeRoleResponse> AssumeRoleAsync(Model.AssumeRoleRequest request, CancellationToken cancellationToken = default);
    }
}

namespace Orders.Licensing
{
    public sealed class Lease { public string Holder { get; } = ""orders""; }
}

namespace Npgsql
{
    public sealed class NpgsqlConnection : System.Data.Common.DbConnection
    {
        public override string ConnectionString { get; set; } = """";
        public override string Database => """";
        public override string DataSource => """";
        public override string ServerVersion => """";
        public override System.Data.ConnectionState State => System.Data.ConnectionState.Closed;
        public override void ChangeDatabase(string databaseName) { }
        public override void Close() { }
        public override void Open() { }
        protected override System.Data.Common.DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw new System.NotSupportedException();
        protected override System.Data.Common.DbCommand CreateDbCommand() => throw new System.NotSupportedException();
        public static void ClearAllPools() { }
    }
}
";

        private static string ConnectionAndSecretFunction(int i) => $@"using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Orders.Integration{i % 20}
{{
    public class Function{i}
    {{
        private static readonly HttpClient Http = new HttpClient();
        private static readonly string Warmup = Http.GetStringAsync(""https://example.com/{i}"").GetAwaiter().GetResult();
        private readonly TcpClient _tcp = new TcpClient();
        private readonly string _secret;
        private readonly Credentials _credentials;
        private readonly IPAddress[] _addresses = Dns.GetHostAddresses(""db{i}.internal"");
        private readonly string _host = Environment.MachineName;
        private readonly Orders.Licensing.Lease _lease = new Orders.Licensing.Lease();
        private readonly string _extension = ""http://localhost:2773/secretsmanager/get?secretId=s{i}"";

        public Function{i}(IAmazonSecretsManager secrets, IAmazonSecurityTokenService sts)
        {{
            _tcp.Connect(""localhost"", {1000 + i % 1000});
            using (var warm = new Npgsql.NpgsqlConnection())
            {{
                warm.Open();
            }}
            _secret = secrets.GetSecretValueAsync(new GetSecretValueRequest {{ SecretId = ""s{i}"" }}).GetAwaiter().GetResult().SecretString;
            _credentials = sts.AssumeRoleAsync(new AssumeRoleRequest {{ RoleArn = ""arn:{i}"" }}).GetAwaiter().GetResult().Credentials;
        }}

        public Function{i}()
            : this(null!, null!)
        {{
        }}

        public string Handler(Order{i} input, ILambdaContext context)
        {{
            var token = Environment.GetEnvironmentVariable(""AWS_SESSION_TOKEN"");
            var perCall = Dns.GetHostAddresses(""api{i}.internal"");
            return $""{{Warmup.Length}} {{_tcp.Connected}} {{_secret}} {{_credentials.SessionToken}} {{_addresses.Length}} {{_host}} {{_lease.Holder}} {{_extension}} {{token}} {{perCall.Length}} {{Pricing{i}.Total(new[] {{ input }}, 0m)}}"";
        }}
    }}
{BusinessCode(i)}
}}
";

        private static string HookFunction(int i) => $@"using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Orders.Hooks{i % 20}
{{
    public class Function{i}
    {{
        private Stream _journal = new MemoryStream();
        private MemoryStream _buffer = new MemoryStream();

        public Function{i}()
        {{
            SnapshotRestore.RegisterBeforeSnapshot(() =>
            {{
                _journal.Dispose();
                _buffer.Dispose();
                _ = FlushAsync();
                return ValueTask.CompletedTask;
            }});
            SnapshotRestore.RegisterAfterRestore(() =>
            {{
                _buffer = new MemoryStream();
                return ValueTask.CompletedTask;
            }});
        }}

        private Task FlushAsync() => Task.CompletedTask;

        public async Task<string> Handler(Order{i} input, ILambdaContext context)
        {{
            SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
            await FlushAsync();
            return $""{{_journal.CanRead}} {{_buffer.Length}} {{Pricing{i}.Total(new[] {{ input }}, 0m)}}"";
        }}
    }}
{BusinessCode(i)}
}}
";

        private static string Service(int i) => $@"using System;
using System.Collections.Generic;

namespace Orders.Services{i % 20}
{{
    public sealed class Service{i}
    {{
        private readonly DateTime _started = DateTime.UtcNow;
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>();

        public int Count(string key)
        {{
            _counts.TryGetValue(key, out var count);
            _counts[key] = count + 1;
            return count + (int)(DateTime.UtcNow - _started).TotalSeconds;
        }}
    }}
{BusinessCode(i)}
}}
";

        private static string ExecutableProgram(int files)
        {
            var builder = new StringBuilder();
            builder.AppendLine("using System;\nusing System.Threading.Tasks;\nusing Amazon.Lambda.Core;\nusing Amazon.Lambda.RuntimeSupport;\nusing Amazon.Lambda.Serialization.SystemTextJson;\n");
            builder.AppendLine("var random = new Random();\nvar startedAt = DateTime.UtcNow;\nvar instanceId = Guid.NewGuid();");
            for (var i = 1; i < System.Math.Min(files, 40); i++)
            {
                builder.AppendLine($"var service{i} = new Orders.Services{i % 20}.Service{i}();");
            }

            builder.Append("Func<string, ILambdaContext, string> handler = (input, context) => $\"{input} {random.Next()} {startedAt} {instanceId}\"");
            for (var i = 1; i < System.Math.Min(files, 40); i++)
            {
                builder.Append($" + service{i}.Count(input)");
            }

            builder.AppendLine(";\nawait LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();");
            return builder.ToString();
        }

        private static string MinimalApiProgram(int files)
        {
            var builder = new StringBuilder();
            builder.AppendLine("using System;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.Extensions.DependencyInjection;\nusing Amazon.Lambda.AspNetCoreServer.Hosting;\n");
            builder.AppendLine("var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);\nbuilder.Services.AddSingleton(new Random());");
            builder.AppendLine("var app = builder.Build();\nvar instanceId = Guid.NewGuid();");
            for (var i = 1; i < System.Math.Min(files, 40); i++)
            {
                builder.AppendLine($"var service{i} = new Orders.Services{i % 20}.Service{i}();");
                builder.AppendLine($"app.MapGet(\"/s{i}/{{key}}\", (string key) => service{i}.Count(key) + instanceId.ToString());");
            }

            builder.AppendLine("app.Run();");
            return builder.ToString();
        }

        private static string AnnotationsStartup(int files)
        {
            var builder = new StringBuilder();
            builder.AppendLine("using Amazon.Lambda.Annotations;\nusing Microsoft.Extensions.DependencyInjection;\n\n[LambdaStartup]\npublic class Startup\n{\n    public void ConfigureServices(IServiceCollection services)\n    {");
            for (var i = 1; i < System.Math.Min(files, 40); i++)
            {
                builder.AppendLine($"        services.AddSingleton<Orders.Functions{i % 20}.Repository{i}>();");
            }

            builder.AppendLine("    }\n}");
            return builder.ToString();
        }

        private static string AnnotationsFunction(int i) => $@"using System;
using Amazon.Lambda.Annotations;

namespace Orders.Functions{i % 20}
{{
    public sealed class Repository{i}
    {{
        private readonly DateTime _loaded = DateTime.UtcNow;
        private readonly string _id = Guid.NewGuid().ToString();
        public string Describe() => _id + _loaded.ToString(""O"");
    }}

    public class Functions{i}
    {{
        private readonly Repository{i} _repository;
        private readonly Random _random = new Random();

        public Functions{i}(Repository{i} repository)
        {{
            _repository = repository;
        }}

        [LambdaFunction]
        public string Get(string id) => _repository.Describe() + id + _random.Next();
    }}
{BusinessCode(i)}
}}
";

        private static string PlainFile(int i) => $@"using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Library.Module{i % 50}
{{
    public interface IStore{i}
    {{
        Task<IReadOnlyList<Item{i}>> LoadAsync(string prefix);
    }}

    public sealed record Item{i}(Guid Id, string Name, DateTime Updated, int Quantity);

    public sealed class Catalog{i}
    {{
        private static readonly Random Shuffle = new Random();
        private readonly IStore{i} _store;
        private readonly DateTime _created = DateTime.UtcNow;
        private readonly Dictionary<Guid, Item{i}> _cache = new Dictionary<Guid, Item{i}>();

        public Catalog{i}(IStore{i} store) => _store = store;

        public async Task<int> RefreshAsync(string prefix)
        {{
            var items = await _store.LoadAsync(prefix);
            foreach (var item in items.Where(x => x.Quantity > 0).OrderBy(x => x.Name))
            {{
                _cache[item.Id] = item with {{ Updated = DateTime.UtcNow }};
            }}

            return _cache.Count + Shuffle.Next(3);
        }}

        public IEnumerable<string> Report()
        {{
            var age = DateTime.UtcNow - _created;
            foreach (var group in _cache.Values.GroupBy(v => v.Name.Length % 5))
            {{
                yield return $""{{group.Key}}: {{group.Count()}} items, {{group.Sum(g => g.Quantity)}} units, age {{age.TotalSeconds:F0}}s"";
            }}
        }}

        public static string Format(Item{i} item, IFormatProvider? provider = null)
            => string.Format(provider, ""{{0}} x{{1}} ({{2:yyyy-MM-dd}})"", item.Name, item.Quantity, item.Updated);
    }}
}}
";
    }
}
