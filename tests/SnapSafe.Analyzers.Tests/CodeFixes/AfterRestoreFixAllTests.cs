using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// Fix All in document, project and solution scope (the verifier runs all three, and the single fixes one after
    /// another): one hook per site, holding every re-initialization of the type in source order (files by path),
    /// never a second registration for the parts of a partial class, and one token source per hook that bounds all
    /// its work.
    /// </summary>
    public class AfterRestoreFixAllTests
    {
        [Fact]
        public Task PartialClassInTwoFiles_OneHookInTheConstructorOfTheOtherPart() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Function.cs", @"
using System;
using Amazon.Lambda.Core;

public partial class Function
{
    private readonly Random _random = {|SNAP001:new Random()|};

    public int Handler(string input, ILambdaContext context) => _random.Next() + _id.GetHashCode();
}"),
                    ("/0/Function.State.cs", @"
using System;

public partial class Function
{
    private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};

    public Function()
    {
        Console.WriteLine(""init"");
    }
}"),
                },
            },
            FixedState =
            {
                Sources =
                {
                    ("/0/Function.cs", @"
using System;
using Amazon.Lambda.Core;

public partial class Function
{
    private Random _random = new Random();

    public int Handler(string input, ILambdaContext context) => _random.Next() + _id.GetHashCode();
}"),
                    ("/0/Function.State.cs", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public partial class Function
{
    private Guid _id = Guid.NewGuid();

    public Function()
    {
        Console.WriteLine(""init"");
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _id = Guid.NewGuid();
            _random = new Random();
            return ValueTask.CompletedTask;
        });
    }
}"),
                },
            },
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task PartialClassWithoutConstructor_OneNewConstructorForBothParts() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Function.cs", @"
using System;
using Amazon.Lambda.Core;

public partial class Function
{
    private readonly DateTime _loadedAt = {|SNAP003:DateTime.UtcNow|};

    public string Handler(string input, ILambdaContext context) => _loadedAt + "" "" + _id;
}"),
                    ("/0/Function.State.cs", @"
using System;

public partial class Function
{
    private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
}"),
                },
            },
            FixedState =
            {
                Sources =
                {
                    ("/0/Function.cs", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public partial class Function
{
    private DateTime _loadedAt = DateTime.UtcNow;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _id = Guid.NewGuid();
            _loadedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _loadedAt + "" "" + _id;
}"),
                    ("/0/Function.State.cs", @"
using System;

public partial class Function
{
    private Guid _id = Guid.NewGuid();
}"),
                },
            },
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task TwoTypesInTwoFiles_OneHookEach() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Function.cs", @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly Random Jitter = {|SNAP001:new Random()|};
    private readonly Tokens _tokens = new Tokens();

    public string Handler(string input, ILambdaContext context) => _tokens.Next() + Jitter.Next();
}"),
                    ("/0/Tokens.cs", @"
using System;

public sealed class Tokens
{
    private readonly string _salt = {|SNAP002:Guid.NewGuid().ToString(""N"")|};
    private readonly DateTime _created;

    public Tokens()
    {
        _created = {|SNAP003:DateTime.UtcNow|};
    }

    public string Next() => _salt + _created.Ticks;
}"),
                },
            },
            FixedState =
            {
                Sources =
                {
                    ("/0/Function.cs", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static Random Jitter = new Random();
    private readonly Tokens _tokens = new Tokens();

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            Jitter = new Random();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _tokens.Next() + Jitter.Next();
}"),
                    ("/0/Tokens.cs", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public sealed class Tokens
{
    private string _salt = Guid.NewGuid().ToString(""N"");
    private DateTime _created;

    public Tokens()
    {
        _created = DateTime.UtcNow;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _salt = Guid.NewGuid().ToString(""N"");
            _created = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public string Next() => _salt + _created.Ticks;
}"),
                },
            },
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task TwoFetchesOfOneType_OneHookShareOneTokenSource() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly string _apiKey;
    private readonly string _dbPassword;

    public Function()
    {
        var secrets = new AmazonSecretsManagerClient();
        _apiKey = {|SNAP020:secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).Result.SecretString|};
        _dbPassword = {|SNAP020:secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).Result.SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _apiKey + _dbPassword;
}",
            FixedCode = @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private string _apiKey;
    private string _dbPassword;

    public Function()
    {
        var secrets = new AmazonSecretsManagerClient();
        _apiKey = secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).Result.SecretString;
        _dbPassword = secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).Result.SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _apiKey = (await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }, cts.Token)).SecretString;
            _dbPassword = (await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }, cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey + _dbPassword;
}",
            NumberOfFixAllIterations = 1,
        }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task ExistingHookWithATokenSource_TheFetchJoinsItAndSharesTheToken() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private readonly string _apiKey;

    public Function()
    {
        _apiKey = {|SNAP020:_secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).GetAwaiter().GetResult().SecretString|};
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await Task.Delay(1, cts.Token);
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey;
}",
            FixedCode = @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private string _apiKey;

    public Function()
    {
        _apiKey = _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).GetAwaiter().GetResult().SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await Task.Delay(1, cts.Token);
            _apiKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }, cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey;
}",
        }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task ExistingHookWithATokenSourceWithoutTimeout_TheFetchGetsItsOwnBoundedSource() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private readonly string _apiKey;

    public Function()
    {
        _apiKey = {|SNAP020:_secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).GetAwaiter().GetResult().SecretString|};
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource();
            await Task.Delay(1, cts.Token);
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey;
}",
            FixedCode = @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private string _apiKey;

    public Function()
    {
        _apiKey = _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).GetAwaiter().GetResult().SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource();
            await Task.Delay(1, cts.Token);
            using var restoreCts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _apiKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }, restoreCts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey;
}",
        }.WithPackages().RunAsync(CancellationToken.None);
    }
}
