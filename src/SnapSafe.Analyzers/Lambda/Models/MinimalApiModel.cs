namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// An ASP.NET Core minimal API: <c>builder.Services.AddAWSLambdaHosting(LambdaEventSource.X)</c> (directly or in a
    /// source helper), then <c>app.Run()</c>/<c>RunAsync()</c>. Init code: every statement before the host runs,
    /// instances passed to <c>AddSingleton(instance)</c> and singletons init resolves; per request: the endpoint
    /// lambdas (the locals they capture are kept).
    /// </summary>
    internal sealed class MinimalApiModel : EntryPointModel
    {
        public MinimalApiModel(ModelContext context, EntryPointStart start)
            : base(context, start)
        {
        }

        public override string Name => "ASP.NET Core minimal API";

        protected override EntryPointKind Kind => EntryPointKind.MinimalApi;
    }
}
