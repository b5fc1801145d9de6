using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.SNAP040MoveHookRegistrationCodeFix>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// SNAP040's fix through the real analyzer: a registration the runtime never runs moves into init. Every fixed
    /// source is compiled and analyzed again: it must build and carry no finding.
    /// </summary>
    public class SNAP040MoveHookRegistrationCodeFixTests
    {
        [Fact]
        public Task HandlerMethod_TypeWithoutConstructor_GetsConstructorWithTheRegistration() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private int _warmed;

    public string Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _warmed++;
            return ValueTask.CompletedTask;
        })|};
        return input + _warmed;
    }
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private int _warmed;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _warmed++;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context)
    {
        return input + _warmed;
    }
}");

        [Fact]
        public Task HandlerMethod_ExistingConstructors_RegistrationAtTheEndOfEachThatRunsInitializers() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string _prefix;

    public Function()
        : this(""p-"")
    {
    }

    public Function(string prefix)
    {
        _prefix = prefix;
    }

    public string Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(Refresh)|};
        return _prefix + input;
    }

    private ValueTask Refresh() => default;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string _prefix;

    public Function()
        : this(""p-"")
    {
    }

    public Function(string prefix)
    {
        _prefix = prefix;
        SnapshotRestore.RegisterAfterRestore(Refresh);
    }

    public string Handler(string input, ILambdaContext context)
    {
        return _prefix + input;
    }

    private ValueTask Refresh() => default;
}");

        [Fact]
        public Task StaticHandlerMethod_GoesToTheStaticConstructor() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public static class Function
{
    public static string Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => default)|};
        return input;
    }
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public static class Function
{
    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(() => default);
    }

    public static string Handler(string input, ILambdaContext context)
    {
        return input;
    }
}");

        [Fact]
        public Task PrimaryConstructor_HookWithoutInstanceMembers_GoesToTheStaticConstructor() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function(string prefix)
{
    public string Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() => new ValueTask(Task.Delay(1)))|};
        return prefix + input;
    }
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function(string prefix)
{
    static Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => new ValueTask(Task.Delay(1)));
    }

    public string Handler(string input, ILambdaContext context)
    {
        return prefix + input;
    }
}");

        [Fact]
        public Task EndpointLambda_MovesBeforeAppRun() => VerifyCS.VerifyCodeFixAsync(LambdaModel.MinimalApi, @"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
app.MapGet(""/"", () =>
{
    {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    return ""ok"";
});
app.Run();
", @"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
app.MapGet(""/"", () =>
{
    return ""ok"";
});
SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
app.Run();
");

        [Fact]
        public Task AfterRunAsync_TopLevel_MovesBeforeRunAsync() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Executable, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

Func<string, ILambdaContext, string> handler = (input, context) => input;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
{|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask)|};
", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

Func<string, ILambdaContext, string> handler = (input, context) => input;
SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task HandlerDelegate_InMain_MovesBeforeRunAsync() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Executable, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static async Task Main()
    {
        Func<string, ILambdaContext, string> handler = (input, context) =>
        {
            {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => default)|};
            return input;
        };
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }
}
", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static async Task Main()
    {
        Func<string, ILambdaContext, string> handler = (input, context) =>
        {
            return input;
        };
        SnapshotRestore.RegisterAfterRestore(() => default);
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }
}
");

        [Fact]
        public Task AfterRunAsync_InMain_MovesBeforeRunAsync() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Executable, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static async Task Main()
    {
        Func<string, ILambdaContext, string> handler = (input, context) => input;
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(OnRestore)|};
    }

    private static ValueTask OnRestore() => default;
}
", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static async Task Main()
    {
        Func<string, ILambdaContext, string> handler = (input, context) => input;
        SnapshotRestore.RegisterAfterRestore(OnRestore);
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }

    private static ValueTask OnRestore() => default;
}
");

        [Fact]
        public Task MethodOfANonHandlerType_NoFix()
        {
            const string Source = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Repository
{
    public string Load(string key)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => default)|};
        return key;
    }
}

public class Function
{
    public string Handler(string input, ILambdaContext context) => new Repository().Load(input);
}";
            return VerifyCS.VerifyCodeFixAsync(Source, Source);
        }

        [Fact]
        public Task Annotations_LambdaFunctionMethod_GoesToTheFunctionClassConstructor() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Annotations, @"
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;

public class Functions
{
    [LambdaFunction]
    public string Echo(string input)
    {
        {|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() => default)|};
        return input;
    }
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;

public class Functions
{
    public Functions()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => default);
    }

    [LambdaFunction]
    public string Echo(string input)
    {
        return input;
    }
}");

        [Fact]
        public Task FixAll_TwoHandlerMethods_OneConstructorInSourceOrder() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() => default)|};
        return input;
    }

    public string Other(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => default)|};
        return input;
    }
}",
            FixedCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => default);
        SnapshotRestore.RegisterAfterRestore(() => default);
    }

    public string Handler(string input, ILambdaContext context)
    {
        return input;
    }

    public string Other(string input, ILambdaContext context)
    {
        return input;
    }
}",
            NumberOfFixAllIterations = 1,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task HookUsesParameter_NoFix()
        {
            const string Source = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() =>
        {
            context.Logger.LogInformation(input);
            return default;
        })|};
        return input;
    }
}";
            return VerifyCS.VerifyCodeFixAsync(Source, Source);
        }

        [Fact]
        public Task ConditionalRegistration_NoFix()
        {
            const string Source = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        if (input.Length > 0)
        {
            {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => default)|};
        }

        return input;
    }
}";
            return VerifyCS.VerifyCodeFixAsync(Source, Source);
        }

        [Fact]
        public Task PrimaryConstructor_HookUsesInstance_GoesToTheConvertedConstructor() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function(string prefix)
{
    private int _count;

    public string Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() =>
        {
            _count++;
            return default;
        })|};
        return prefix + input + _count;
    }
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string prefix;
    private int _count;

    public Function(string prefix)
    {
        this.prefix = prefix;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _count++;
            return default;
        });
    }

    public string Handler(string input, ILambdaContext context)
    {
        return prefix + input + _count;
    }
}");

        [Fact]
        public Task NestedInAnotherHook_MovesRightAfterTheRegistrationOfThatHook() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => default)|};
            return default;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            return default;
        });
        SnapshotRestore.RegisterAfterRestore(() => default);
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task MinimalApi_NestedInAHookAndInAnEndpoint_BothMoveIntoInit() => new VerifyCS.Test(LambdaModel.MinimalApi)
        {
            TestCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
SnapshotRestore.RegisterBeforeSnapshot(() =>
{
    {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    return ValueTask.CompletedTask;
});
app.MapGet(""/"", () =>
{
    {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    return ""ok"";
});
app.Run();
",
            FixedCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
SnapshotRestore.RegisterBeforeSnapshot(() =>
{
    return ValueTask.CompletedTask;
});
SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
app.MapGet(""/"", () =>
{
    return ""ok"";
});
SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
app.Run();
",
            NumberOfFixAllIterations = 1,
        }.RunAsync(CancellationToken.None);
    }
}
