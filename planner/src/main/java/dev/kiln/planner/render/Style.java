package dev.kiln.planner.render;

import dev.kiln.planner.plan.Action;

/**
 * How renderings are colored: {@link #PLAIN} for files, pipes and {@code -no-color};
 * {@link #ANSI} for terminals. Renderers pass text through it and never write escape codes
 * themselves.
 */
public interface Style
{
    Style PLAIN = new Style()
    {
        @Override
        public String action(Action action, String text)
        {
            return text;
        }

        @Override
        public String bold(String text)
        {
            return text;
        }

        @Override
        public String warning(String text)
        {
            return text;
        }
    };

    Style ANSI = new Style()
    {
        @Override
        public String action(Action action, String text)
        {
            String color = switch (action) {
                case CREATE -> "32";
                case UPDATE -> "33";
                case REPLACE, DELETE -> "31";
                case NO_OP -> "";
            };
            return color.isEmpty() ? text : "\u001b[" + color + "m" + text + "\u001b[0m";
        }

        @Override
        public String bold(String text)
        {
            return "\u001b[1m" + text + "\u001b[0m";
        }

        @Override
        public String warning(String text)
        {
            return "\u001b[1;33m" + text + "\u001b[0m";
        }
    };

    /** A symbol or word in the color of {@code action}. */
    String action(Action action, String text);

    String bold(String text);

    String warning(String text);
}
