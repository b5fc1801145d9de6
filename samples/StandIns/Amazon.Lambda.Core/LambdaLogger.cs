using System;

namespace Amazon.Lambda.Core
{
    /// <summary>
    /// Static class which sends a message to AWS CloudWatch Logs. When used outside of a Lambda environment, logs are
    /// written to Console.Out.
    /// </summary>
    public static class LambdaLogger
    {
        private static Action<string> _loggingAction = LogToConsole;

        private static void LogToConsole(string message)
        {
            Console.WriteLine(message);
        }

        /// <summary>Logs a message to AWS CloudWatch Logs.</summary>
        public static void Log(string message)
        {
            _loggingAction(message);
        }

#if NET6_0_OR_GREATER
        /// <summary>Logs a message categorized by the given log level.</summary>
        public static void Log(string level, string message, params object[] args)
        {
            _loggingAction("[" + level + "] " + message);
        }

        /// <summary>Logs a message categorized by the given log level.</summary>
        public static void Log(LogLevel level, string message, params object[] args) => Log(level.ToString(), message, args);

        /// <summary>Logs a message and an exception categorized by the given log level.</summary>
        public static void Log(LogLevel level, Exception exception, string message, params object[] args)
            => Log(level.ToString(), message + Environment.NewLine + exception, args);
#endif
    }
}
